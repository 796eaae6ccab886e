using Pipeline.Core.Articles;

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
/// Inside the token ranges given as dense (the app passes the article's quotes) every shingle is read, so a shared
/// quote fragment of 4 words is found, at a few more reads per article.
/// </remarks>
public static class QuerySample
{
    /// <summary>Every <paramref name="stride"/>-th shingle starting with the first, by index in the list, plus every
    /// shingle that starts inside one of the <paramref name="dense"/> token ranges.</summary>
    /// <param name="shingles">The article's shingles, in order of position.</param>
    /// <param name="stride">Read every stride-th.</param>
    /// <param name="dense">Token ranges (first token, token count) read in full, e.g. quotes; null for none.</param>
    public static IReadOnlyList<Shingle> Of(IReadOnlyList<Shingle> shingles, int stride, IReadOnlyList<(int First, int Count)>? dense = null)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        var ranges = dense is null ? [] : dense.Where(r => r.Count > 0).OrderBy(r => r.First).ToArray();
        var sample = new List<Shingle>((shingles.Count / stride) + 1);
        var next = 0;
        for (var i = 0; i < shingles.Count; i++)
        {
            var position = shingles[i].Position;
            while (next < ranges.Length && ranges[next].First + ranges[next].Count <= position)
            {
                next++;
            }

            if (i % stride == 0 || (next < ranges.Length && ranges[next].First <= position))
            {
                sample.Add(shingles[i]);
            }
        }

        return sample;
    }

    /// <summary>The token ranges of an article's quotes (boilerplate aside): what a lookup reads in full, since a short
    /// quote two outlets share is worth finding and quotes are a small part of the text.</summary>
    public static IReadOnlyList<(int First, int Count)> Quotes(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Passages
            .Where(p => p.Kind == PassageKind.Quote && p.Boilerplate is null)
            .Select(p => (p.FirstToken, p.TokenCount))
            .ToList();
    }
}
