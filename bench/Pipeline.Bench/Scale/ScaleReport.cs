using System.Globalization;
using System.Text;
using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Bench.Scale;

/// <summary>The simulation's markdown report (printed and written to bench/results/scale.md).</summary>
internal static class ScaleReport
{
    // Today's design, for comparison: the in-memory mirror measured 4.6 KiB per article at 100k (docs/performance.md),
    // and each article's index row carries its winnowed shingles packed at 12 bytes, base64 on the wire, plus ~200 bytes.
    private const double MirrorBytesPerArticle = 4.6 * 1024;
    private const double RowOverheadBytes = 200;

    public static string Markdown(ShingleStatistics statistics, IReadOnlyList<SizeResult> sizes, IReadOnlyList<SizeResult> buckets)
    {
        var articles = statistics.Articles;
        var todayRowBytes = articles.Average(a => a.Winnowed) * 12 * 4.0 / 3 + RowOverheadBytes;
        var text = new StringBuilder();
        Line(text, $"# Scale simulation: sharded candidate index");
        Line(text);
        Line(text, $"Layout: {ShardingOptions.Default.Buckets} buckets, {(ShardingOptions.Default.RowsPerRead == 1 ? "point GETs" : $"{ShardingOptions.Default.RowsPerRead} rows per filter query")}, cap {Core.Candidates.CandidateOptions.Default.MaxPostingsPerShingle} postings per shingle. Real corpus: {articles.Count} articles, {statistics.StoryCount} stories ({statistics.Origin}), read at run time. " +
            $"Per article: {articles.Average(a => a.Shingles.Count):F0} shingles stored (every 4-word shingle), " +
            $"{articles.Average(a => QuerySample.Of(a.Shingles, ShardingOptions.Default.QueryStride, a.Quotes).Count):F0} looked up (every {ShardingOptions.Default.QueryStride}th, every one inside quotes). " +
            $"Each size: a cold instance indexes then looks up every real article, in publication order, against a counting table that stands for the stored corpus.");
        Line(text);
        Line(text, "| Stored articles | Requests / article (index + lookup) | p95 / max | Hottest partition's share | Entities read + written / article | Bytes read / article (model; worst case) | Cold instance reads before 1st alignment | Memory held by the index | Today: cold read | Today: mirror |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in sizes)
        {
            Line(text, $"| {r.StoredArticles:N0} | {r.Requests:F1} ({r.IndexRequests:F1} + {r.LookupRequests:F1}) | {r.P95Requests} / {r.MaxRequests} | {r.HottestShare:P1} ({r.HottestPartition}) | " +
                $"{r.EntitiesRead:F0} + {r.EntitiesWritten:F0} | {Bytes(r.BytesRead)}; {Bytes(r.WorstCaseBytesRead)} | {Bytes(r.ColdBytes)} | {r.CachedCommon:N0} common hashes ≈ {Bytes(r.CachedCommon * 24.0)} (cap {Bytes(ShardingOptions.Default.CommonCacheSize * 24.0)}) | " +
                $"{Bytes(r.StoredArticles * todayRowBytes)} | {Bytes(r.StoredArticles * MirrorBytesPerArticle)} |");
        }

        Line(text);
        Line(text, $"Also per article: {sizes.Average(r => r.Candidates):F1} candidates found on average; {Bytes(sizes.Average(r => r.AllocatedBytes))} allocated transiently (released after the call). " +
            $"Simulation time: {string.Join(", ", sizes.Select(r => $"{r.StoredArticles:N0}: {r.Seconds:F1} s"))}.");
        Line(text);
        Line(text, $"Layouts at {buckets.FirstOrDefault()?.StoredArticles ?? 0:N0} stored articles (rows per read 1 = point GETs, the default; 14 = packed OR'd filter queries):");
        Line(text);
        Line(text, "| Rows per read | Buckets | Requests / article | Index + lookup | p95 | Hottest partition's share | Entities read + written / article |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in buckets)
        {
            Line(text, $"| {r.RowsPerRead} | {r.Buckets} | {r.Requests:F1} | {r.IndexRequests:F1} + {r.LookupRequests:F1} | {r.P95Requests} | {r.HottestShare:P1} | {r.EntitiesRead:F0} + {r.EntitiesWritten:F0} |");
        }

        Line(text);
        Line(text, $"Model of the stored corpus (SyntheticCorpus): a shingle in s ≥ 2 of the {statistics.StoryCount} stories is in (s−1)/(S−1)·N stored articles; " +
            $"one in a ≥ 2 articles of a single story is in (a−1)·{SyntheticCorpus.OutletFactor}; any other in none. Rows over the cap of " +
            $"{Core.Candidates.CandidateOptions.Default.MaxPostingsPerShingle} read as a Common marker plus 0-3 postings. Worst case: every row read holds a full list.");
        return text.ToString();
    }

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):F1} GiB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):F1} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 10):F0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} B"),
    };

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
