namespace Pipeline.Core.Candidates.Sharding;

/// <summary>Which of an article's shingles a lookup reads.</summary>
/// <remarks>
/// Lookups cost one request per 14 shingles while writes cost one per partition, so the index stores every shingle and
/// reads only every <c>stride</c>-th. The guarantee: the stored side holds all shingles of the older article, so a
/// shared run of words that yields <c>stride</c> consecutive shingles in the newer article's list contains a sampled
/// one, and that shingle is in the older article's postings. With 4-word shingles and stride 4, every shared run of
/// 8 matching words is found unless two or more of its five 4-word windows are stopwords only (or the shingle is
/// common); a run of 7 is found when none is. Winnowing (window w) keeps about 2/(w+1) of the shingles for the same
/// guarantee, 0.4 instead of 0.25 here, because it must pick the same shingle on both sides.
/// </remarks>
public static class QuerySample
{
    /// <summary>Every <paramref name="stride"/>-th shingle starting with the first, by index in the list.</summary>
    public static IReadOnlyList<Shingle> Of(IReadOnlyList<Shingle> shingles, int stride)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        var sample = new List<Shingle>((shingles.Count / stride) + 1);
        for (var i = 0; i < shingles.Count; i += stride)
        {
            sample.Add(shingles[i]);
        }

        return sample;
    }
}
