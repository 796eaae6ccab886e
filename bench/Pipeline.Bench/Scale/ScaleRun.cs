using System.Diagnostics;
using Pipeline.Bench.Corpus;
using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index;
using Pipeline.Index.Counting;

namespace Pipeline.Bench.Scale;

/// <summary>The scale simulation: the real sharded index code, on the real corpus's articles, against a counting table
/// that stands for 100k, 1M and 10M stored articles (<see cref="SyntheticCorpus"/>).</summary>
/// <remarks>Each size starts a cold instance (a fresh index object, empty cache) and runs every real article through it
/// in publication order as the app does: index it, then look up its candidates.</remarks>
internal static class ScaleRun
{
    public static async Task<int> RunAsync(ScaleOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var statistics = ShingleStatistics.Load(RealCorpus.Locate(options.CorpusPath));
        Console.Error.WriteLine($"corpus: {statistics.Articles.Count} articles, {statistics.StoryCount} stories, read in {clock.Elapsed.TotalSeconds:F1} s");

        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            results.Add(await MeasureAsync(statistics, size, ShardingOptions.Default, cancellationToken));
            Console.Error.WriteLine($"  {size:N0} stored: {results[^1].Requests:F1} requests/article, {results[^1].Seconds:F1} s");
        }

        var sensitivity = new List<SizeResult>();
        var reference = options.Sizes.Contains(1_000_000) ? 1_000_000 : options.Sizes[0];
        foreach (var rowsPerRead in new[] { 1, PointRead.MaxKeys })
        {
            foreach (var buckets in options.Buckets)
            {
                sensitivity.Add(await MeasureAsync(statistics, reference, ShardingOptions.Default with { Buckets = buckets, RowsPerRead = rowsPerRead }, cancellationToken));
            }
        }

        var report = ScaleReport.Markdown(statistics, results, sensitivity);
        if (options.Azurite)
        {
            report += "\n" + await AzuriteTiming.MeasureAsync(statistics, cancellationToken) + "\n";
        }

        Console.WriteLine(report);
        Directory.CreateDirectory(options.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "scale.md"), report, cancellationToken);
        Console.Error.WriteLine($"scale simulation done in {clock.Elapsed.TotalSeconds:F0} s; written to {Path.Combine(options.OutputDirectory, "scale.md")}");
        return 0;
    }

    private static async Task<SizeResult> MeasureAsync(ShingleStatistics statistics, long stored, ShardingOptions sharding, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var cap = CandidateOptions.Default.MaxPostingsPerShingle;
        var lastDay = PublicationDay.Of(statistics.Articles[0].Published) - 1;
        var synthetic = new SyntheticCorpus(statistics, stored, cap, lastDay);
        var table = new CountingIndexTable((_, rowKey) => synthetic.Row(rowKey));
        var index = new ShardedCandidateIndex(table, sharding);

        var requests = new List<int>();
        long lookups = 0, writes = 0, entitiesRead = 0, entitiesWritten = 0, bytesRead = 0, candidates = 0, allocated = 0, coldBytes = -1, sampled = 0;
        foreach (var article in statistics.Articles)
        {
            var before = table.Traffic;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            await index.IndexAsync(article.Key, article.Shingles, article.Published, cancellationToken: cancellationToken);
            var indexed = table.Traffic;
            var found = await index.FindCandidatesAsync(article.Key, article.Shingles, article.Published, dense: article.Quotes, cancellationToken: cancellationToken);
            var after = table.Traffic;
            allocated += GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;

            var all = after.Since(before);
            coldBytes = coldBytes < 0 ? all.BytesRead : coldBytes;
            requests.Add((int)all.Requests);
            writes += indexed.Since(before).Requests;
            lookups += after.Since(indexed).Requests;
            entitiesRead += all.EntitiesRead;
            entitiesWritten += all.EntitiesWritten;
            bytesRead += all.BytesRead;
            candidates += found.Count;
            sampled += QuerySample.Of(article.Shingles, sharding.QueryStride, article.Quotes).Count;
        }

        var n = statistics.Articles.Count;
        requests.Sort();
        var (hottest, share) = table.Traffic.Hottest();
        // Worst case for bytes: every sampled row read holds a full list (cap postings of mean size).
        var postingBytes = 6 + 17 + 14 + statistics.MeanKeyLength;
        return new SizeResult(
            stored,
            sharding.Buckets,
            sharding.RowsPerRead,
            n,
            requests.Average(),
            (double)lookups / n,
            (double)writes / n,
            requests[(int)Math.Ceiling(0.95 * n) - 1],
            requests[^1],
            (double)entitiesRead / n,
            (double)entitiesWritten / n,
            (double)bytesRead / n,
            (double)sampled / n * cap * postingBytes,
            hottest,
            share,
            coldBytes,
            (double)candidates / n,
            index.CachedCommonShingles,
            (double)allocated / n,
            clock.Elapsed.TotalSeconds);
    }
}
