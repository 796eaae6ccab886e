using System.Text.RegularExpressions;
using Pipeline.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Reliability.Tests;

/// <summary>Storage errors seen through a fault-injecting proxy: transient ones are retried with backoff, permanent ones end in one clear failure.</summary>
[Collection(nameof(StorageFaultTests))]
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Download_503TwiceThenOk_RetriedInsideOneAttemptAndAligned()
    {
        var (a, b) = BadInputTests.GoodPair();
        await using var run = await PipelineRun.StartAsync(throughProxy: true);
        const string flaky = "flaky/first.txt";
        var path = "^/devstoreaccount1/articles/" + Regex.Escape(flaky) + "$";
        var rule = run.BlobProxy!.Fail("GET", path, 503, times: 2);
        await run.State.UploadAllAsync([(flaky, a), ("flaky/second.txt", b)], writers: 2);
        await run.WaitSettledAsync([flaky, "flaky/second.txt"], TimeSpan.FromMinutes(2));

        var states = await run.State.ArticleStatesAsync();
        Assert.Equal("aligned", states[flaky].Status);
        Assert.True(rule.Matched == 2, rule.ToString());
        var gets = run.BlobProxy.Matching("GET", path);
        Assert.Equal(3, gets.Count);
        Assert.Equal([503, 503, 200], gets.Select(g => g.Status));
        Assert.Equal(0, (await run.State.ReceiptsAsync("articles"))[flaky].Attempts);
        Assert.Empty(await run.State.PoisonAsync());
        output.WriteLine(string.Join('\n', gets));
        Figures.Record("Transient 503 (twice) on an article download", "retried by the storage client within one attempt (3 GETs: 503, 503, 200); article aligned, 0 failed attempts, no poison");
    }

    [Fact]
    public async Task TableQueries_DelayedFiveSeconds_StillAligned()
    {
        var (a, b) = BadInputTests.GoodPair();
        await using var run = await PipelineRun.StartAsync(throughProxy: true);
        var rule = run.TableProxy!.Delay("GET", "^/devstoreaccount1/postings", TimeSpan.FromSeconds(5), times: 3);
        await run.State.UploadAllAsync([("slow/first.txt", a), ("slow/second.txt", b)], writers: 2);
        await run.WaitSettledAsync(["slow/first.txt", "slow/second.txt"], TimeSpan.FromMinutes(2));
        var states = await run.State.ArticleStatesAsync();
        Assert.Equal("aligned", states["slow/first.txt"].Status);
        Assert.Equal("aligned", states["slow/second.txt"].Status);
        Assert.Contains(await run.State.AlignmentsAsync(), x => x.Source == "slow/first.txt" && x.Target == "slow/second.txt");

        // The candidate index lives in memory now, but each search still refreshes it with one postings query: the delay must have landed.
        Assert.True(rule.Matched > 0, $"{rule}; postings requests seen: {run.TableProxy.Matching("GET", "^/devstoreaccount1/postings").Count}");
        output.WriteLine(rule.ToString());
    }

    [Fact]
    public async Task Download_Always403_RetriedFiveTimesThenFailedWithPoisonOthersAligned()
    {
        var (a, b) = BadInputTests.GoodPair();
        var third = Corpus.Articles(3, storySize: 3, prefix: "third")[2].Content;
        await using var run = await PipelineRun.StartAsync(new Dictionary<string, string> { ["Pipeline__MaxBackoffSeconds"] = "0.5" }, throughProxy: true);
        const string broken = "poison/forbidden.txt";
        var path = "^/devstoreaccount1/articles/" + Regex.Escape(broken) + "$";
        var rule = run.BlobProxy!.Fail("GET", path, 403);
        await run.State.UploadAllAsync([(broken, third), ("poison/first.txt", a), ("poison/second.txt", b)], writers: 3);
        await run.WaitSettledAsync([broken, "poison/first.txt", "poison/second.txt"], TimeSpan.FromMinutes(2));

        var states = await run.State.ArticleStatesAsync();
        Assert.Equal("failed", states[broken].Status);
        Assert.Contains("403", states[broken].Error, StringComparison.Ordinal);
        Assert.Contains("failed 5 times", states[broken].Error, StringComparison.Ordinal);
        var poison = Assert.Single(await run.State.PoisonAsync());
        Assert.Equal(("articles", broken), (poison.Container, poison.Name));
        // A 403 is permanent: the storage client must not retry it, so each of the 5 attempts is exactly one request.
        Assert.Equal(5, run.BlobProxy.Matching("GET", path).Count);
        Assert.True(rule.Matched == 5, rule.ToString());
        Assert.Equal("aligned", states["poison/first.txt"].Status);
        Assert.Equal("aligned", states["poison/second.txt"].Status);

        // Poisoned means left alone: no further attempts while the blob is unchanged.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, run.BlobProxy.Matching("GET", path).Count);
        output.WriteLine(states[broken].Error);
        Figures.Record("Handler exception on one article (403 on its download, every time)", $"5 attempts, one request each (403 not retried by the client), then 'failed' with \"{states[broken].Error!.Split('\n')[0]}\" (+ status and error code) and a poison record; the other two aligned");
    }

    [Fact]
    public async Task StartUp_ContainerOperations403_ExitsOnceWithClearMessage()
    {
        await using var run = await PipelineRun.StartAsync(throughProxy: true, startApp: false);
        var rule = run.BlobProxy!.Fail("*", ".*", 403);
        var (exitCode, log) = await run.App.RunToExitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(1, exitCode);
        Assert.Contains("not usable", log, StringComparison.Ordinal);
        Assert.Contains("403", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        // Reported once: the first container call fails and start-up stops, with no retry loop.
        Assert.Single(run.BlobProxy.Seen);
        Assert.True(rule.Matched == 1, rule.ToString());
        Figures.Record("Permanent 403 from storage at start-up", "the app makes one request, prints one 'storage … is not usable: … 403' line and exits 1 (no stack trace, no retry loop)");
    }

    [Fact]
    public async Task Scan_ArticlesContainerDeleted_ReportedAndRecoversWhenRecreated()
    {
        var (a, b) = BadInputTests.GoodPair();
        await using var run = await PipelineRun.StartAsync(throughProxy: true);
        var rule = run.BlobProxy!.Fail("GET", "^/devstoreaccount1/articles$", 404, times: 3);
        await run.State.UploadAllAsync([("gone/first.txt", a), ("gone/second.txt", b)], writers: 2);
        await run.WaitSettledAsync(["gone/first.txt", "gone/second.txt"], TimeSpan.FromMinutes(2));
        Assert.Equal(3, run.BlobProxy.Matching("GET", "^/devstoreaccount1/articles$").Count(r => r.Injected));
        Assert.True(rule.Matched == 3, rule.ToString());
        // Each failed scan is logged once (one warning per scan, not one per retry).
        var warnings = Regex.Matches(run.App.Log, "A scan failed and is retried on the next interval: .*").Select(m => m.Value).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("404", w, StringComparison.Ordinal));
        Assert.Equal("aligned", (await run.State.ArticleStatesAsync())["gone/first.txt"].Status);
    }
}
