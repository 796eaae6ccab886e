using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Pipeline.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Reliability.Tests;

/// <summary>Articles uploaded concurrently into a running app, kept running for the query-load test.</summary>
public sealed class LoadedApp : IAsyncLifetime
{
    private Task<(TimeSpan Upload, TimeSpan Settled)>? _load;

    /// <summary>How many articles: env PIPELINE_LOAD_ARTICLES, else the 1,000 the load scenario asks for (about 2 minutes on 2 cores, with the one-by-one run).</summary>
    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_LOAD_ARTICLES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;

    /// <summary>Concurrent writers.</summary>
    public const int Writers = 16;

    /// <summary>The files.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> Files { get; } = Corpus.Articles(Count, prefix: "load");

    /// <summary>The pipeline.</summary>
    public PipelineRun Run { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Run = await PipelineRun.StartAsync();

    /// <summary>Uploads every file with 16 writers in a shuffled order (once) and waits until all are settled.</summary>
    public Task<(TimeSpan Upload, TimeSpan Settled)> LoadAsync() => _load ??= RunLoadAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Run.DisposeAsync();

    private async Task<(TimeSpan, TimeSpan)> RunLoadAsync()
    {
        var shuffled = Files.OrderBy(f => new string(f.Name.Reverse().ToArray()), StringComparer.Ordinal).ToList();
        var clock = Stopwatch.StartNew();
        await Run.State.UploadAllAsync(shuffled, Writers);
        var upload = clock.Elapsed;
        await Run.WaitSettledAsync(Files.Select(f => f.Name).ToList(), TimeSpan.FromSeconds(Math.Max(600, Count * 3)));
        return (upload, clock.Elapsed);
    }
}

/// <summary>Many concurrent uploads are all processed with the same result as one-at-a-time processing; the API holds up under many clients.</summary>
[Collection(HeavyCollection.Name)]
public sealed class LoadTests(LoadedApp app, ITestOutputHelper output) : IClassFixture<LoadedApp>
{
    [Fact]
    public async Task Upload_ConcurrentWriters_AllProcessedSameAlignmentsAsOneByOne()
    {
        var (upload, settled) = await app.LoadAsync();
        var outcome = await Outcome.ReadAsync(app.Run.State, settled);
        Assert.All(outcome.Statuses.Values, s => Assert.Equal("aligned", s));
        Assert.Equal(LoadedApp.Count, outcome.Statuses.Count);
        Assert.NotEmpty(outcome.Alignments);
        Assert.NotEmpty(outcome.Clusters);

        var oneByOne = await Outcome.CleanAsync("load", app.Files);
        var differences = oneByOne.Differences(outcome);
        Assert.True(differences.Count == 0, $"{differences.Count} differences from one-by-one processing:\n{string.Join('\n', differences.Take(30))}");

        var rate = LoadedApp.Count / settled.TotalSeconds;
        var sequentialRate = LoadedApp.Count / oneByOne.Took.TotalSeconds;
        var line = $"{LoadedApp.Count} articles, {LoadedApp.Writers} writers: uploaded in {upload.TotalSeconds:F1}s, all aligned after {settled.TotalSeconds:F1}s = {rate:F2} articles/s " +
            $"(one by one: {oneByOne.Took.TotalSeconds:F1}s = {sequentialRate:F2} articles/s); {outcome.Alignments.Count} alignments and {outcome.Clusters.Count} clusters; every stored row a query can show (alignments both directions, clusters and their index rows, article statuses) identical";
        output.WriteLine(line);
        Figures.Record($"Load: {LoadedApp.Count} articles uploaded concurrently", line);
    }

    [Fact]
    public async Task Query_FiftyClientsForThirtySeconds_NoErrorsAndReportsP99()
    {
        await app.LoadAsync();
        var names = app.Files.Select(f => f.Name).ToList();
        var paths = new List<string> { "api/articles?top=50", "api/alignments?top=20", "api/clusters?top=10", "api/health" };
        paths.AddRange(names.Take(40).Select(n => "api/alignments?article=" + Uri.EscapeDataString(n)));
        paths.AddRange(names.Take(40).Select(n => "api/articles/" + Uri.EscapeDataString(n)));
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.Run.App.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var duration = TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, 50).Select(client => Task.Run(async () =>
        {
            var i = client;
            while (clock.Elapsed < duration)
            {
                var path = paths[i++ % paths.Count];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Add($"{path}: {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    errors.Add($"{path}: {e.Message}");
                }
                catch (TaskCanceledException)
                {
                    errors.Add($"{path}: timed out after 30s");
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(clients);

        var sorted = latencies.Order().ToList();
        double Percentile(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        var line = $"50 clients × 30 s over {paths.Count} URLs ({LoadedApp.Count} articles stored): {sorted.Count} requests ({sorted.Count / clock.Elapsed.TotalSeconds:F0}/s), {errors.Count} errors, " +
            $"p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms, max {sorted[^1]:F0} ms";
        output.WriteLine(line);
        Figures.Record("Query API under 50 concurrent clients for 30 s", line);
        Assert.True(errors.IsEmpty, $"{errors.Count} errors, e.g.\n{string.Join('\n', errors.Take(10))}\n{app.Run.Diagnostics()}");
        Assert.True(sorted.Count > 50, "the clients made almost no requests");
    }
}
