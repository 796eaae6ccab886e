using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index;
using Pipeline.Index.Tables;

namespace Pipeline.Bench.Scale;

/// <summary>Wall time of the same index calls against a private Azurite (table service only) through the official SDK,
/// and what the 14-key point filter saves over one GET per shingle there.</summary>
internal static class AzuriteTiming
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task<string> MeasureAsync(ShingleStatistics statistics, CancellationToken cancellationToken)
    {
        var azurite = Locate();
        if (azurite is null)
        {
            return "Azurite timing not run: set PIPELINE_AZURITE or install tools/azurite (./bench.sh does).";
        }

        var port = Macro.EndToEnd.FreePort();
        var work = Directory.CreateTempSubdirectory("pipeline-scale-azurite-");
        using var process = Process.Start(new ProcessStartInfo(azurite)
        {
            ArgumentList = { "--inMemoryPersistence", "--disableTelemetry", "--silent", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture) },
            WorkingDirectory = work.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Azurite did not start");
        try
        {
            await Macro.EndToEnd.WaitForPortAsync(port, cancellationToken);
            var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
            var table = new AzureIndexTable(new TableServiceClient(connection).GetTableClient("index"));
            await table.CreateIfNotExistsAsync(cancellationToken);
            var index = new ShardedCandidateIndex(table);

            var perArticle = new List<double>();
            foreach (var article in statistics.Articles)
            {
                var clock = Stopwatch.StartNew();
                await index.IndexAsync(article.Key, article.Shingles, article.Published, cancellationToken: cancellationToken);
                await index.FindCandidatesAsync(article.Key, article.Shingles, article.Published, dense: article.Quotes, cancellationToken: cancellationToken);
                perArticle.Add(clock.Elapsed.TotalMilliseconds);
            }

            // The same rows of one typical article, read one GET per shingle instead of 14 keys per query.
            var typical = statistics.Articles.OrderBy(a => a.Shingles.Count).ElementAt(statistics.Articles.Count / 2);
            var sample = QuerySample.Of(typical.Shingles, ShardingOptions.Default.QueryStride, typical.Quotes);
            var reads = PointRead.Plan(sample.Select(s => s.Hash), ShardingOptions.Default.Buckets);
            var filtered = Stopwatch.StartNew();
            foreach (var read in reads)
            {
                await table.ReadRowsAsync(read, cancellationToken);
            }

            var filteredMs = filtered.Elapsed.TotalMilliseconds;
            var single = Stopwatch.StartNew();
            foreach (var shingle in sample)
            {
                await table.ReadRowAsync(ShardKeys.Partition(shingle.Hash, ShardingOptions.Default.Buckets), ShardKeys.ShingleRow(shingle.Hash), cancellationToken);
            }

            var singleMs = single.Elapsed.TotalMilliseconds;
            perArticle.Sort();
            return string.Create(CultureInfo.InvariantCulture,
                $"On Azurite (same 2 cores, official SDK, up to 8 requests in flight per call): index + lookup of one article took {perArticle.Average():F0} ms on average " +
                $"(median {perArticle[perArticle.Count / 2]:F0} ms, p95 {perArticle[(int)(perArticle.Count * 0.95)]:F0} ms) over the {perArticle.Count} real articles. " +
                $"Reading a median article's {sample.Count} sampled rows, one after another: {reads.Count} point-filter queries {filteredMs:F0} ms, " +
                $"{sample.Count} single-row GETs {singleMs:F0} ms.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            work.Delete(recursive: true);
        }
    }

    private static string? Locate()
    {
        var explicitPath = Environment.GetEnvironmentVariable("PIPELINE_AZURITE");
        if (!string.IsNullOrEmpty(explicitPath) && File.Exists(explicitPath))
        {
            return explicitPath;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
