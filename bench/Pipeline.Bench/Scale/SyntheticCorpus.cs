using System.Globalization;
using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Bench.Scale;

/// <summary>The posting rows of <c>N</c> articles stored before the measurement, made up on demand from the real
/// corpus's sharing statistics, so a 10M-article table costs no memory (rows are computed, never stored).</summary>
/// <remarks>
/// The model, per shingle of the real corpus (S stories in it):
/// <list type="bullet">
/// <item>found in s ≥ 2 stories: shared language; among N stored articles, (s − 1)/(S − 1)·N hold it (linear in N);</item>
/// <item>found in one story, in a ≥ 2 of its articles: a story's shared quote; a firehose from thousands of outlets
/// carries each story <see cref="OutletFactor"/> times more often than the sample, so (a − 1)·factor hold it (not
/// growing with N);</item>
/// <item>otherwise: one article's own wording; no stored article holds it.</item>
/// </list>
/// A row with more postings than the cap is what the index leaves of it in steady state: the <c>Common</c> marker plus
/// a few postings merged since the last reader shrank it. Manifest rows do not exist: measured articles are new.
/// </remarks>
internal sealed class SyntheticCorpus(ShingleStatistics statistics, long storedArticles, int cap, int lastDay)
{
    /// <summary>How many more copies of a story a real firehose carries than the 383-article sample.</summary>
    public const int OutletFactor = 5;

    // About 1M articles a day: the stored corpus spans N/1M days before the measured ones.
    private readonly int _spanDays = (int)Math.Max(1, storedArticles / 1_000_000);
    private readonly int _keyLength = statistics.MeanKeyLength;

    /// <summary>Postings a stored corpus of this size has for a shingle, before the cap.</summary>
    public long PostingsFor(ulong hash)
    {
        var (stories, articles) = statistics.SpreadOf(hash);
        if (stories >= 2)
        {
            return (long)Math.Round((double)(stories - 1) / Math.Max(1, statistics.StoryCount - 1) * storedArticles);
        }

        return articles >= 2 ? (long)(articles - 1) * OutletFactor : 0;
    }

    /// <summary>The row for a key, or null when absent; the partition follows from the key.</summary>
    public IReadOnlyDictionary<string, object?>? Row(string rowKey)
    {
        if (!ShardKeys.TryParseShingleRow(rowKey, out var hash))
        {
            return null;
        }

        var postings = PostingsFor(hash);
        if (postings == 0)
        {
            return null;
        }

        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (postings > cap)
        {
            row[PostingRow.CommonProperty] = true;
            postings = (long)(hash % 4);
        }

        for (var i = 0; i < postings; i++)
        {
            var id = Mix(hash ^ (ulong)i);
            var key = ("www.outlet" + (id % 5_000).ToString(CultureInfo.InvariantCulture) + ".example/" + id.ToString("x16", CultureInfo.InvariantCulture)).PadRight(_keyLength, 'x') + ".txt";
            var day = lastDay - (int)(id % (ulong)_spanDays);
            row[ShardKeys.PostingPrefix + id.ToString("x16", CultureInfo.InvariantCulture)] =
                PostingCodec.Encode(new StoredPosting(key, (int)(id % 800), day));
        }

        return row;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
