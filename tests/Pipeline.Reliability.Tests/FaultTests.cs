using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Reliability.Tests.Support;
using Pipeline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Reliability.Tests;

/// <summary>Heavy scenarios share this collection so they never run at the same time as each other.</summary>
[CollectionDefinition(Name)]
public sealed class HeavyCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Heavy";
}

/// <summary>Storage outages and app crashes in the middle of a batch lose nothing and duplicate nothing.</summary>
[Collection(HeavyCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    // 80, not 200: Azurite scans a whole table per query, so each article costs more as tables grow (see docs/reliability.md).
    private const int BatchSize = 80;
    private static readonly IReadOnlyList<(string Name, byte[] Content)> s_batch = Corpus.Articles(BatchSize, prefix: "fault");

    [Fact]
    public async Task AzuriteStopped_MidBatchFor15Seconds_SameOutcomeAsCleanRun()
    {
        var clean = await Outcome.CleanAsync("fault-batch", s_batch);
        await using var azurite = new PersistentAzuriteFixture();
        await azurite.InitializeAsync();
        await using var run = await PipelineRun.StartAsync(azurite: azurite);
        var clock = Stopwatch.StartNew();
        await run.State.UploadAllAsync(s_batch, writers: 8);
        await WaitForProgressAsync(run, BatchSize / 5);

        // The fault must land mid-run: read the progress straight from storage, then stop it at once.
        var before = await ProgressAsync(run);
        var down = Stopwatch.StartNew();
        await azurite.StopAsync();
        output.WriteLine($"Azurite stopped at {clock.Elapsed.TotalSeconds:F1}s with {before}");
        AssertMidRun(before, "Azurite stopped");
        await Task.Delay(TimeSpan.FromSeconds(15));
        await azurite.StartAsync();
        var downFor = down.Elapsed;
        output.WriteLine($"Azurite started again after {downFor.TotalSeconds:F1}s down");

        await run.WaitSettledAsync(s_batch.Select(f => f.Name).ToList(), TimeSpan.FromMinutes(6));
        var outcome = await Outcome.ReadAsync(run.State, clock.Elapsed);
        var differences = clean.Differences(outcome);
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the clean run:\n{string.Join('\n', differences.Take(30))}\n{run.Diagnostics()}");
        Assert.All(outcome.Statuses.Values, s => Assert.Equal("aligned", s));

        // The outage was felt and recovered from: scans that could not list the containers were retried on the next interval, and
        // blobs whose processing failed (when the outage caught one mid-flight; timing decides) were retried with a backoff.
        // Receipts reset to 0 attempts once done, so count the log.
        var log = run.App.Log;
        var blobRetries = Regex.Matches(log, @"failed \(attempt \d+ of \d+\), retrying").Count;
        var scanRetries = Regex.Matches(log, "A scan failed and is retried on the next interval").Count;
        Assert.True(scanRetries > 0, $"no scan failed during a {downFor.TotalSeconds:F0}s outage (blob retries: {blobRetries})\n{run.Diagnostics()}");
        output.WriteLine($"settled {clock.Elapsed.TotalSeconds:F1}s after the first upload; {outcome.Alignments.Count} alignments, as in the clean run ({clean.Took.TotalSeconds:F1}s); {blobRetries} blob retries, {scanRetries} failed scans");
        Figures.Record(
            "Azurite stopped 15 s mid-batch",
            $"{BatchSize} articles, Azurite stopped with {before}, down {downFor.TotalSeconds:F0}s: {blobRetries} blob attempts failed and were retried, {scanRetries} scans failed and were retried; all aligned; " +
            $"every stored row a query can show (statuses, {outcome.Alignments.Count} alignments × 2 directions, {outcome.Clusters.Count} clusters + index rows) = clean run; settled {clock.Elapsed.TotalSeconds:F0}s after first upload (clean run {clean.Took.TotalSeconds:F0}s)");
    }

    [Fact]
    public async Task AppKilled_MidBatch_RestartEndsWithSameOutcomeAsCleanRun()
    {
        var clean = await Outcome.CleanAsync("fault-batch", s_batch);
        await using var run = await PipelineRun.StartAsync();
        var clock = Stopwatch.StartNew();
        await run.State.UploadAllAsync(s_batch, writers: 8);
        await WaitForProgressAsync(run, BatchSize / 4);
        var pid = run.App.ProcessId;
        run.App.Kill();
        var atKill = await ProgressAsync(run);
        output.WriteLine($"killed app pid {pid} (SIGKILL) at {clock.Elapsed.TotalSeconds:F1}s with {atKill}");
        AssertMidRun(atKill, "app killed");
        await run.App.StartAsync();

        await run.WaitSettledAsync(s_batch.Select(f => f.Name).ToList(), TimeSpan.FromMinutes(6));
        var outcome = await Outcome.ReadAsync(run.State, clock.Elapsed);
        var differences = clean.Differences(outcome);
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the clean run:\n{string.Join('\n', differences.Take(30))}\n{run.Diagnostics()}");
        Assert.All(outcome.Statuses.Values, s => Assert.Equal("aligned", s));
        Figures.Record(
            "App killed (SIGKILL) mid-batch and restarted",
            $"killed with {atKill}; after restart all aligned, every stored row a query can show ({outcome.Alignments.Count} alignments × 2 directions, {outcome.Clusters.Count} clusters + index rows, statuses) = clean run; settled {clock.Elapsed.TotalSeconds:F0}s after first upload");
    }

    /// <summary>How far the batch got: aligned articles, and those not aligned yet (no status row, pending or normalized).</summary>
    private static async Task<Progress> ProgressAsync(PipelineRun run)
    {
        var states = await run.State.ArticleStatesAsync();
        var aligned = s_batch.Count(f => states.TryGetValue(f.Name, out var s) && s.Status == "aligned");
        var unsettled = s_batch.Count(f => !states.TryGetValue(f.Name, out var s) || !StoredState.Terminal.Contains(s.Status));
        return new Progress(aligned, unsettled, BatchSize);
    }

    /// <summary>A fault that lands before anything was done, or after everything was, proves nothing about recovery.</summary>
    private static void AssertMidRun(Progress progress, string fault)
    {
        Assert.True(progress.Aligned > 0, $"{fault} before any article was aligned ({progress})");
        Assert.True(progress.Unsettled > 0, $"{fault} after every article had settled ({progress}): the fault did not land mid-run");
    }

    private sealed record Progress(int Aligned, int Unsettled, int Total)
    {
        public override string ToString() => $"{Aligned}/{Total} aligned, {Unsettled} not yet done";
    }

    private static Task WaitForProgressAsync(PipelineRun run, int aligned) =>
        Eventually.UntilAsync(
            $"at least {aligned} articles aligned before the fault",
            TimeSpan.FromMinutes(3),
            async () =>
            {
                var count = (await run.State.ArticleStatesAsync()).Values.Count(s => s.Status == "aligned");
                return (count >= aligned, $"{count} aligned");
            },
            run.Diagnostics);
}
