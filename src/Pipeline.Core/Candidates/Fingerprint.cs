using Pipeline.Core.Articles;

namespace Pipeline.Core.Candidates;

/// <summary>Turns an article into the shingles a candidate index stores for it.</summary>
public static class Fingerprint
{
    /// <summary>Version of the hashing and shingling scheme; persisted postings made with another version must be rebuilt.</summary>
    public const int Version = 1;

    /// <summary>The winnowed shingles of an article's matching words, in order of position, each hash at most once per position.</summary>
    /// <remarks>Editorial insertions are skipped and shingles made only of stopwords are dropped, so "[ISIL]" or "it is going to be" never match.</remarks>
    public static IReadOnlyList<Shingle> Of(Article article, FingerprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        return FromKeys(KeySequence.Of(article), options ?? FingerprintOptions.Default);
    }

    internal static IReadOnlyList<Shingle> FromKeys(KeySequence keys, FingerprintOptions options)
    {
        var k = Math.Max(1, options.ShingleLength);
        var window = Math.Max(1, options.Window);
        if (keys.Length < k)
        {
            return [];
        }

        var all = new List<Shingle>(keys.Length);
        for (var p = 0; p + k <= keys.Length; p++)
        {
            if (keys.ShingleAt(p, k) is { } hash)
            {
                all.Add(new Shingle(hash, keys.TokenIndex[p]));
            }
        }

        if (window == 1 || all.Count <= window)
        {
            return window == 1 || all.Count == 0 ? all : [MinimumOf(all, 0, all.Count)];
        }

        var kept = new List<Shingle>((all.Count * 2 / (window + 1)) + 1);
        var last = -1;
        for (var start = 0; start + window <= all.Count; start++)
        {
            var chosen = IndexOfMinimum(all, start, window);
            if (chosen != last)
            {
                kept.Add(all[chosen]);
                last = chosen;
            }
        }

        return kept;
    }

    private static Shingle MinimumOf(List<Shingle> all, int start, int count) => all[IndexOfMinimum(all, start, count)];

    // Rightmost minimum, as in Schleimer et al.'s winnowing, so a window sliding over equal hashes keeps one shingle.
    private static int IndexOfMinimum(List<Shingle> all, int start, int count)
    {
        var best = start;
        for (var i = start + 1; i < start + count; i++)
        {
            if (all[i].Hash <= all[best].Hash)
            {
                best = i;
            }
        }

        return best;
    }
}
