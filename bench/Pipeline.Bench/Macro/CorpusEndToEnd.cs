using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Pipeline.Bench.Corpus;

namespace Pipeline.Bench.Macro;

/// <summary>
/// The real corpus through the local host on a private Azurite: blob name = path under the corpus (so the outlet is its
/// folder), uploaded by N concurrent writers in two phases (the first 100 articles, then the rest), each timed until
/// every status row is final. Storage requests per article and per table partition come from Azurite's request log.
/// </summary>
internal static class CorpusEndToEnd
{
    public const string Usage = "Pipeline.Bench e2e-corpus [--corpus DIR] [--writers 16] [--first 100] [--articles N] [--app PATH/Pipeline.Functions.dll] [--seconds 600] [--hold SECONDS] [--index mirror|sharded] [--wire-every N] [--no-request-log]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        string? corpusPath = null;
        string? appPath = null;
        var candidateIndex = "mirror";
        int writers = 16, first = 100, seconds = 600, limit = int.MaxValue, hold = 0, wireEvery = 0;
        var requestLog = true;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--corpus": corpusPath = Value(); break;
                case "--app": appPath = Value(); break;
                case "--writers": writers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--first": first = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--articles": limit = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--hold": hold = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--index": candidateIndex = Value(); break;
                case "--wire-every": wireEvery = int.Parse(Value(), CultureInfo.InvariantCulture); break;

                // Azurite's debug log, which the request counts come from, costs it CPU on every request: without it
                // the rate is the pipeline's own, and the request columns stay empty.
                case "--no-request-log": requestLog = false; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (candidateIndex is not ("mirror" or "sharded"))
        {
            throw new ArgumentException($"--index takes mirror or sharded, not '{candidateIndex}'");
        }

        // --articles takes the corpus's first N, so a smoke run exercises the same path in seconds.
        var located = RealCorpus.Locate(corpusPath);
        var corpus = located with { Articles = located.Articles.Take(limit).ToList() };

        // --wire-every N puts one wire paragraph into every Nth article: one cluster that grows with the uploads.
        if (wireEvery > 0)
        {
            corpus = corpus with { Articles = WireParagraph.InsertEvery(corpus.Articles, wireEvery) };
        }

        var azurite = EndToEnd.FindUp(Environment.GetEnvironmentVariable("PIPELINE_AZURITE"), Path.Combine("tools", "azurite", "node_modules", ".bin", "azurite"));
        var app = appPath ?? EndToEnd.FindUp(null, Path.Combine("src", "Pipeline.Functions", "bin", "Release", "net10.0", "Pipeline.Functions.dll"));
        if (azurite is null || app is null)
        {
            await Console.Error.WriteLineAsync($"error: {(azurite is null ? "Azurite" : "the app")} not found; ./bench.sh installs and builds both.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("pipeline-bench-corpus-");
        var (blobPort, queuePort, tablePort, appPort) = (EndToEnd.FreePort(), EndToEnd.FreePort(), EndToEnd.FreePort(), EndToEnd.FreePort());
        var debugLog = Path.Combine(work.FullName, "azurite-debug.log");
        using var azuriteProcess = EndToEnd.Start(azurite,
            $"--inMemoryPersistence --disableTelemetry --skipApiVersionCheck --silent {(requestLog ? $"--debug \"{debugLog}\" " : string.Empty)}" +
            $"--blobHost 127.0.0.1 --blobPort {blobPort} --queueHost 127.0.0.1 --queuePort {queuePort} --tableHost 127.0.0.1 --tablePort {tablePort}",
            work.FullName, new Dictionary<string, string>());
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + EndToEnd.AccountKey +
            $";BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1" +
            $";TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1";
        await EndToEnd.WaitForPortAsync(blobPort, cancellationToken);
        await EndToEnd.WaitForPortAsync(tablePort, cancellationToken);
        using var appProcess = EndToEnd.Start("dotnet", $"\"{app}\" --port {appPort}", work.FullName, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Pipeline__PollIntervalSeconds"] = "1",
            ["Pipeline__CandidateIndex"] = candidateIndex,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}"), Timeout = TimeSpan.FromSeconds(60) };
            await EndToEnd.WaitHealthyAsync(http, appProcess, cancellationToken);
            var container = new BlobServiceClient(connection).GetBlobContainerClient("articles");
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Console.WriteLine($"# Real corpus end to end: {corpus.Articles.Count} articles of {Path.GetFileName(corpus.Origin.TrimEnd('/'))}, {writers} writers, {Environment.ProcessorCount} cores, candidate index: {candidateIndex}{(wireEvery > 0 ? $", one wire paragraph in every {wireEvery}th" : string.Empty)}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine($"app: {app}");
            Console.WriteLine();
            Console.WriteLine("| phase | articles | wall s | articles/s | storage requests / article | table requests / article | hottest table partition (share of table requests with a partition) | final statuses | CPU ms / article: app, Azurite |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            var phases = new[] { corpus.Articles.Take(first).ToList(), corpus.Articles.Skip(first).ToList() };
            var operations = new List<(string Phase, RequestLog Requests, int Articles)>();
            // The phases' wall times only: waiting for Azurite's request log to settle is the bench's, not the app's.
            var processing = TimeSpan.Zero;
            var uploaded = 0;
            foreach (var (phase, index) in phases.Select((p, i) => (p, i)).Where(p => p.p.Count > 0))
            {
                var before = RequestLog.Read(debugLog);
                var cpuBefore = (App: EndToEnd.CpuSeconds(appProcess), Azurite: EndToEnd.CpuSecondsTree(azuriteProcess));
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(phase, new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken },
                    async (a, ct) => await container.GetBlobClient(a.Name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(a.Text)), overwrite: true, cancellationToken: ct));
                uploaded += phase.Count;
                var (final, statuses) = await EndToEnd.WaitAllFinalAsync(http, uploaded, clock, _ => { }, TimeSpan.FromSeconds(seconds), cancellationToken);
                var wall = clock.Elapsed.TotalSeconds;
                processing += clock.Elapsed;

                // CPU time is steadier than the rate on a shared 2-core machine, where the app and Azurite compete.
                var cpu = (App: EndToEnd.CpuSeconds(appProcess) - cpuBefore.App, Azurite: EndToEnd.CpuSecondsTree(azuriteProcess) - cpuBefore.Azurite);
                var requests = requestLog ? (await RequestLog.ReadSettledAsync(debugLog, cancellationToken)).Minus(before) : null;
                operations.Add((index == 0 ? "first" : "rest", requests ?? new RequestLog(0, 0, new Dictionary<string, int>()), phase.Count));
                var counted = requests is null
                    ? "not counted | not counted | not counted"
                    : string.Create(CultureInfo.InvariantCulture, $"{requests.Total / (double)phase.Count:F1} | {requests.Table / (double)phase.Count:F1} | {requests.Hottest().Share:P1} (`{requests.Hottest().Partition}`)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(index == 0 ? "first" : "rest")} | {phase.Count} | {wall:F1} | {phase.Count / wall:F2} | {counted} | {string.Join(", ", statuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}{(final ? string.Empty : " — timed out")} | {cpu.App * 1000 / phase.Count:F0}, {cpu.Azurite * 1000 / phase.Count:F0} |"));
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {corpus.Articles.Count} articles: {processing.TotalSeconds:F1} s, {corpus.Articles.Count / processing.TotalSeconds:F2} articles/s end to end (the phases' wall times)."));

            if (hold > 0)
            {
                // Keeps the app up so its stored alignments can be judged: `pipeline measure <corpus> --api <this URL>`.
                Console.Error.WriteLine($"Holding the app for {hold} s at http://127.0.0.1:{appPort}/api");
                await Task.Delay(TimeSpan.FromSeconds(hold), cancellationToken);
            }

            if (!requestLog)
            {
                return 0;
            }

            // Where the requests go: what to cut next.
            Console.WriteLine();
            Console.WriteLine("| requests per article, by operation | " + string.Join(" | ", operations.Select(o => o.Phase)) + " |");
            Console.WriteLine("|---|" + string.Concat(operations.Select(_ => "---|")));
            var kinds = operations.SelectMany(o => o.Requests.ByOperation).GroupBy(p => p.Key).OrderByDescending(g => g.Sum(p => p.Value)).Select(g => g.Key);
            foreach (var kind in kinds.Where(k => operations.Any(o => o.Requests.ByOperation.GetValueOrDefault(k) > 0)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {kind} | {string.Join(" | ", operations.Select(o => (o.Requests.ByOperation.GetValueOrDefault(kind) / (double)o.Articles).ToString("F2", CultureInfo.InvariantCulture)))} |"));
            }
            return 0;
        }
        finally
        {
            EndToEnd.Stop(appProcess);
            EndToEnd.Stop(azuriteProcess);
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
