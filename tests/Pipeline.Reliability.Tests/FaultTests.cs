using System.Diagnostics;
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

        var down = Stopwatch.StartNew();
        await azurite.StopAsync();
        output.WriteLine($"Azurite stopped at {clock.Elapsed.TotalSeconds:F1}s");
        await Task.Delay(TimeSpan.FromSeconds(15));
        await azurite.StartAsync();
        var downFor = down.Elapsed;
        output.WriteLine($"Azurite started again after {downFor.TotalSeconds:F1}s down");

        await run.WaitSettledAsync(s_batch.Select(f => f.Name).ToList(), TimeSpan.FromMinutes(6));
        var outcome = await Outcome.ReadAsync(run.State, clock.Elapsed);
        var differences = clean.Differences(outcome);
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the clean run:\n{string.Join('\n', differences.Take(30))}\n{run.Diagnostics()}");
        Assert.All(outcome.Statuses.Values, s => Assert.Equal("aligned", s));
        var retried = (await run.State.ReceiptsAsync("articles")).Values.Count(r => r.Attempts > 0);
        output.WriteLine($"settled {clock.Elapsed.TotalSeconds:F1}s after the first upload; {outcome.Alignments.Count} alignments, as in the clean run ({clean.Took.TotalSeconds:F1}s); {retried} articles needed a retry");
        Figures.Record(
            "Azurite stopped 15 s mid-batch",
            $"{BatchSize} articles, Azurite down {downFor.TotalSeconds:F0}s: all aligned; {outcome.Alignments.Count} alignments = clean run, none missing or duplicated; settled {clock.Elapsed.TotalSeconds:F0}s after first upload (clean run {clean.Took.TotalSeconds:F0}s)");
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
        var aligned = (await run.State.ArticleStatesAsync()).Values.Count(s => s.Status == "aligned");
        output.WriteLine($"killed app pid {pid} (SIGKILL) at {clock.Elapsed.TotalSeconds:F1}s with {aligned} of {BatchSize} aligned");
        await run.App.StartAsync();

        await run.WaitSettledAsync(s_batch.Select(f => f.Name).ToList(), TimeSpan.FromMinutes(6));
        var outcome = await Outcome.ReadAsync(run.State, clock.Elapsed);
        var differences = clean.Differences(outcome);
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the clean run:\n{string.Join('\n', differences.Take(30))}\n{run.Diagnostics()}");
        Assert.All(outcome.Statuses.Values, s => Assert.Equal("aligned", s));
        Figures.Record(
            "App killed (SIGKILL) mid-batch and restarted",
            $"killed with {aligned}/{BatchSize} aligned; after restart all aligned, {outcome.Alignments.Count} alignments = clean run; settled {clock.Elapsed.TotalSeconds:F0}s after first upload");
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
