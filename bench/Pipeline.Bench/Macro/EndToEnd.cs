using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pipeline.Bench.Corpus;
using Azure.Storage.Blobs;

namespace Pipeline.Bench.Macro;

/// <summary>
/// Measurement 4: generated articles through the standalone app over a private Azurite, timed from the first upload
/// until every article's status row is final. Storage's share comes from CPU time (app vs Azurite, from /proc) and
/// from wall time against the in-memory compute time of the same articles; table batching from Azurite's request log.
/// </summary>
internal static class EndToEnd
{
    internal const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task RunAsync(MacroReport report, CorpusGenerator generator, MacroOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        report.Line($"## 4. End to end: {options.EndToEndArticles:N0} articles through the standalone app on Azurite");
        report.Line();
        var azurite = FindUp(Environment.GetEnvironmentVariable("PIPELINE_AZURITE"), Path.Combine("tools", "azurite", "node_modules", ".bin", "azurite"));
        var app = FindUp(null, Path.Combine("src", "Pipeline.Functions", "bin", "Release", "net10.0", "Pipeline.Functions.dll"));
        if (azurite is null || app is null)
        {
            var missing = azurite is null ? "Azurite (run: source scripts/prerequisites.sh && ensure_azurite)" : "the app (run: dotnet build src/Pipeline.Functions -c Release)";
            report.Line($"**Not run: {missing} was not found.** ./bench.sh installs and builds both.");
            report.Line();
            return;
        }

        var work = Directory.CreateTempSubdirectory("pipeline-bench-e2e-");
        var (blobPort, queuePort, tablePort, appPort) = (FreePort(), FreePort(), FreePort(), FreePort());
        var debugLog = Path.Combine(work.FullName, "azurite-debug.log");
        using var azuriteProcess = Start(azurite,
            $"--inMemoryPersistence --disableTelemetry --skipApiVersionCheck --silent --debug \"{debugLog}\" " +
            $"--blobHost 127.0.0.1 --blobPort {blobPort} --queueHost 127.0.0.1 --queuePort {queuePort} --tableHost 127.0.0.1 --tablePort {tablePort}",
            work.FullName, new Dictionary<string, string>());
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey +
            $";BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1" +
            $";TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1";
        await WaitForPortAsync(blobPort, cancellationToken);
        await WaitForPortAsync(tablePort, cancellationToken);
        using var appProcess = Start("dotnet", $"\"{app}\" --port {appPort}", work.FullName, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Pipeline__PollIntervalSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitHealthyAsync(http, appProcess, cancellationToken);
            log($"  app on :{appPort}, Azurite blob :{blobPort} table :{tablePort}");

            var articles = Enumerable.Range(0, options.EndToEndArticles).Select(generator.Stored).ToList();
            var container = new BlobServiceClient(connection).GetBlobContainerClient("articles");
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var requestsBefore = CountRequests(debugLog);
            var cpuBefore = (App: CpuSeconds(appProcess), Azurite: CpuSecondsTree(azuriteProcess));
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (a, ct) => await container.GetBlobClient(a.Name).UploadAsync(BinaryData.FromString(a.Text), cancellationToken: ct));
            var uploaded = clock.Elapsed.TotalSeconds;
            log($"  uploaded {articles.Count:N0} articles in {uploaded:F1} s; waiting for the app");

            var (final, statuses) = await WaitAllFinalAsync(http, articles.Count, clock, log, TimeSpan.FromSeconds(options.EndToEndSeconds), cancellationToken);
            var wall = clock.Elapsed.TotalSeconds;
            var cpuAfter = (App: CpuSeconds(appProcess), Azurite: CpuSecondsTree(azuriteProcess));
            var requests = CountRequests(debugLog) - requestsBefore;
            var appCpu = cpuAfter.App - cpuBefore.App;
            var azuriteCpu = cpuAfter.Azurite - cpuBefore.Azurite;

            // The same articles through the same Core code in memory, single-threaded: the compute the app cannot avoid.
            var compute = FloorRun.Run("e2e articles", articles.Select(a => (a.Name, Encoding.UTF8.GetBytes(a.Text))).ToList());

            report.Header("figure", "value");
            report.Row("articles", articles.Count);
            report.Row("final statuses", string.Join(", ", statuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}")) + (final ? string.Empty : " (timed out before all were final)"));
            report.Row("wall time, first upload → all final", $"{wall:F1} s (uploads took {uploaded:F1} s)");
            var done = statuses.Where(p => p.Key is "aligned" or "rejected" or "failed").Sum(p => p.Value);
            report.Row("throughput", final
                ? $"{articles.Count / wall:F2} articles/s"
                : $"{done / wall:F2} articles/s over the {wall:F0} s budget ({done:N0} of {articles.Count:N0} final); all {articles.Count:N0} would take about {(double)articles.Count / Math.Max(done, 1) * wall / 60:F0} min at that rate (extrapolated)");
            // Prorated when the budget ran out: compute for the articles that did get through, at the measured per-article cost.
            var computeShare = compute.FullSeconds * done / articles.Count;
            report.Row("in-memory compute of the same articles (Core only, 1 thread)", final
                ? $"{compute.FullSeconds:F1} s"
                : $"{compute.FullSeconds:F1} s for all {articles.Count:N0} ({compute.FullSeconds * 1000 / articles.Count:F0} ms per article), so about {computeShare:F1} s for the {done:N0} that got through");
            report.Row("wall time not explained by compute (storage + polling + overhead)", $"{wall - computeShare:F1} s ({MacroReport.Pct((wall - computeShare) / wall)} of wall)");
            report.Row("CPU: app process", $"{appCpu:F1} s");
            report.Row("CPU: Azurite (storage emulator)", $"{azuriteCpu:F1} s ({MacroReport.Pct(azuriteCpu / (appCpu + azuriteCpu))} of app + Azurite CPU)");
            report.Row("storage requests per final article (upper bound: includes work on articles still in flight)", $"{requests.Total / (double)Math.Max(done, 1):N0} (table batches {requests.TableBatches / (double)Math.Max(done, 1):N0}, table reads {requests.TableReads / (double)Math.Max(done, 1):N0})");
            report.Row("storage requests (from Azurite's log)", requests.Describe());
            report.Row("time Azurite spent serving them (sum over requests, they overlap)", $"blob {requests.BlobMs / 1000:F1} s, table {requests.TableMs / 1000:F1} s");
            report.Row("table writes in batches", requests.TableBatches > 0
                ? $"yes: {requests.TableBatches:N0} batch requests vs {requests.TableSingleWrites:N0} single-entity writes"
                : $"no batch requests seen; {requests.TableSingleWrites:N0} single-entity writes");
            report.Line();
            report.Line("Storage time is not instrumented inside the app (it has no timing hook); the split above is inferred from wall time minus " +
                        "the in-memory compute of the same articles, and from CPU time of the two processes. Azurite runs on the same 2 cores, so its CPU competes with the app's.");
            report.Line();
            report.Figure("e2e", articles.Count, "wall", wall, "s");
            report.Figure("e2e", articles.Count, "articles_per_second", done / wall, "1/s", final ? "measured" : "measured (partial run)");
            report.Figure("e2e", articles.Count, "articles_final", done, "articles");
            report.Figure("e2e", articles.Count, "compute_in_memory", compute.FullSeconds, "s");
            report.Figure("e2e", articles.Count, "app_cpu", appCpu, "s");
            report.Figure("e2e", articles.Count, "azurite_cpu", azuriteCpu, "s");
            report.Figure("e2e", articles.Count, "table_batches", requests.TableBatches, "requests");
            report.Figure("e2e", articles.Count, "table_single_writes", requests.TableSingleWrites, "requests");
            report.Figure("e2e", articles.Count, "storage_requests", requests.Total, "requests");
            report.Figure("e2e", articles.Count, "azurite_blob_request_time_sum", requests.BlobMs / 1000, "s");
            report.Figure("e2e", articles.Count, "azurite_table_request_time_sum", requests.TableMs / 1000, "s");
        }
        finally
        {
            Stop(appProcess);
            Stop(azuriteProcess);
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

    internal static async Task WaitHealthyAsync(HttpClient http, Process app, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {app.ExitCode} before it was healthy");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException("the app did not become healthy within 60 s");
    }

    internal static async Task<(bool Final, Dictionary<string, int> Statuses)> WaitAllFinalAsync(
        HttpClient http, int expected, Stopwatch clock, Action<string> log, TimeSpan limit, CancellationToken cancellationToken)
    {
        var lastLog = 0.0;
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
            string? token = null;
            var answered = true;
            do
            {
                var url = "/api/articles?top=1000" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
                string body;
                try
                {
                    body = await http.GetStringAsync(new Uri(url, UriKind.Relative), cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // A busy app may not answer a status listing in time: that is a slow poll, not a failed run.
                    log($"  status poll failed ({e.GetType().Name}); polling again");
                    answered = false;
                    break;
                }

                using var doc = JsonDocument.Parse(body);
                foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
                {
                    var status = item.GetProperty("status").GetString() ?? "?";
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }

                token = doc.RootElement.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (token is not null);

            if (!answered)
            {
                if (clock.Elapsed > limit)
                {
                    return (false, last);
                }

                await Task.Delay(1000, cancellationToken);
                continue;
            }

            last = statuses;
            var final = statuses.Where(p => p.Key is "aligned" or "rejected" or "failed").Sum(p => p.Value);
            if (final >= expected)
            {
                return (true, statuses);
            }

            if (clock.Elapsed > limit)
            {
                return (false, statuses);
            }

            if (clock.Elapsed.TotalSeconds - lastLog >= 10)
            {
                lastLog = clock.Elapsed.TotalSeconds;
                log($"  {final:N0}/{expected:N0} final after {lastLog:F0} s ({string.Join(", ", statuses.Select(p => $"{p.Key} {p.Value}"))})");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Requests counted from Azurite's debug log, with the time Azurite itself spent serving them.</summary>
    private sealed record RequestCounts(int Total, int BlobRequests, int TableReads, int TableSingleWrites, int TableBatches, double BlobMs, double TableMs)
    {
        public static RequestCounts operator -(RequestCounts a, RequestCounts b) =>
            new(a.Total - b.Total, a.BlobRequests - b.BlobRequests, a.TableReads - b.TableReads, a.TableSingleWrites - b.TableSingleWrites,
                a.TableBatches - b.TableBatches, a.BlobMs - b.BlobMs, a.TableMs - b.TableMs);

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Total:N0} in all: {BlobRequests:N0} blob, {TableReads:N0} table reads, {TableSingleWrites:N0} single-entity table writes, {TableBatches:N0} table batches");
    }

    // Azurite's debug log has, per request id, a "<Service>StorageContextMiddleware: RequestMethod=M RequestURL=U" line
    // and an "EndMiddleware: End response. TotalTimeInMS=T" line.
    private static RequestCounts CountRequests(string debugLog)
    {
        if (!File.Exists(debugLog))
        {
            return new RequestCounts(0, 0, 0, 0, 0, 0, 0);
        }

        int total = 0, blob = 0, reads = 0, writes = 0, batches = 0;
        double blobMs = 0, tableMs = 0;
        var isTable = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var stream = new FileStream(debugLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', 4);
            if (parts.Length < 4)
            {
                continue;
            }

            var id = parts[1];
            var message = parts[3];
            if (message.Contains("StorageContextMiddleware: RequestMethod=", StringComparison.Ordinal))
            {
                var method = Between(message, "RequestMethod=", " ");
                var url = Between(message, "RequestURL=", " ");
                var table = message.StartsWith("TableStorageContext", StringComparison.Ordinal);
                isTable[id] = table;
                total++;
                if (!table)
                {
                    blob++;
                }
                else if (url.Contains("$batch", StringComparison.Ordinal))
                {
                    batches++;
                }
                else if (method is "GET" or "HEAD")
                {
                    reads++;
                }
                else
                {
                    writes++;
                }
            }
            else if (message.StartsWith("EndMiddleware: End response.", StringComparison.Ordinal)
                && double.TryParse(Between(message, "TotalTimeInMS=", " "), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                && isTable.Remove(id, out var table))
            {
                if (table)
                {
                    tableMs += ms;
                }
                else
                {
                    blobMs += ms;
                }
            }
        }

        return new RequestCounts(total, blob, reads, writes, batches, blobMs, tableMs);
    }

    internal static string Between(string line, string start, string end)
    {
        var from = line.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return string.Empty;
        }

        from += start.Length;
        var to = line.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? line[from..] : line[from..to];
    }

    internal static double CpuSeconds(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (InvalidOperationException)
        {
            return double.NaN;
        }
    }

    // Azurite is started through its npm shim; its node process may be a child of the one we started.
    internal static double CpuSecondsTree(Process root)
    {
        var total = CpuSeconds(root);
        foreach (var child in Children(root.Id))
        {
            try
            {
                using var process = Process.GetProcessById(child);
                total += CpuSeconds(process);
            }
            catch (ArgumentException)
            {
                // Exited meanwhile.
            }
        }

        return total;
    }

    private static IEnumerable<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var part in File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var child = int.Parse(part, CultureInfo.InvariantCulture);
            yield return child;
            foreach (var grandchild in Children(child))
            {
                yield return grandchild;
            }
        }
    }

    internal static Process Start(string file, string arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"    [{Path.GetFileName(file)}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until something listens on a loopback port (Azurite takes a few seconds to start; the app exits if storage is not there).</summary>
    internal static async Task WaitForPortAsync(int port, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"nothing listens on port {port} after 30 s");
    }

    internal static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string? FindUp(string? explicitPath, string relative)
    {
        if (!string.IsNullOrEmpty(explicitPath) && File.Exists(explicitPath))
        {
            return explicitPath;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
