using System.Globalization;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Pipeline:WindowDays aligns only articles dated within the window of each other, through the app on Azurite.</summary>
/// <remarks>
/// Seeds 000, 001 and 002 share Kirby's and Kerry's quotes pairwise, so without a window all three pairs align; each
/// test has its own Azurite because the same seeds under other names in shared storage would be wire copies of these.
/// </remarks>
public sealed class TimeWindowTests
{
    private const string Kerry = "kerry", Kirby = "kirby", Later = "later";
    private static readonly DateTimeOffset s_day0 = new(2014, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Window7Days_Day0Day1Day30_OnlyTheClosePairAligns()
    {
        var pairs = await AlignedPairsAsync(
            window: "7",
            (Kerry, "000", s_day0),
            (Kirby, "001", s_day0.AddDays(1)),
            (Later, "002", s_day0.AddDays(30)));

        Assert.Equal([Pair(Kerry, Kirby)], pairs);
    }

    [Fact]
    public async Task NoWindow_Day0Day1Day30_AllPairsAlign()
    {
        var pairs = await AlignedPairsAsync(
            window: null,
            (Kerry, "000", s_day0),
            (Kirby, "001", s_day0.AddDays(1)),
            (Later, "002", s_day0.AddDays(30)));

        Assert.Equal([Pair(Kerry, Kirby), Pair(Kerry, Later), Pair(Kirby, Later)], pairs);
    }

    [Fact]
    public async Task Window7Days_NoPublishedMetadata_DatedByUploadTime()
    {
        // The undated article was uploaded now: close to a story published two days ago, far from one of 2014.
        var pairs = await AlignedPairsAsync(
            window: "7",
            (Kerry, "000", DateTimeOffset.UtcNow.AddDays(-2)),
            (Kirby, "001", null),
            (Later, "002", s_day0));

        Assert.Equal([Pair(Kerry, Kirby)], pairs);
    }

    [Fact]
    public async Task WindowTurnedOn_ArticleAlignsAgain_StoredPairsOutsideItAreWithdrawn()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var storage = new TestStorage(azurite.ConnectionString);
            var articles = new[] { (Kerry, "000", (DateTimeOffset?)s_day0), (Kirby, "001", s_day0.AddDays(1)), (Later, "002", s_day0.AddDays(30)) };
            await using (var unlimited = await PipelineHost.StartAsync(azurite.ConnectionString))
            {
                await UploadAndWaitAsync(unlimited, storage, articles);
                Assert.Equal(3, (await PairsAsync(unlimited)).Count);
            }

            await using var windowed = await PipelineHost.StartAsync(azurite.ConnectionString, extra: Window("7"));

            // The same bytes and metadata again: a new blob version, so the late article is normalized and aligned again.
            await UploadAndWaitAsync(windowed, storage, [articles[2]]);

            Assert.Equal([Pair(Kerry, Kirby)], await PairsAsync(windowed));
            var rows = await windowed.WaitForAsync([Name(Kerry), Name(Kirby), Name(Later)], item => item.Str("status") == "aligned");
            Assert.Equal(0, rows[Name(Later)].GetProperty("alignments").GetInt32());
            Assert.True(rows[Name(Kerry)].GetProperty("alignments").GetInt32() > 0, "the pair inside the window keeps its rows");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<string>> AlignedPairsAsync(string? window, params (string Outlet, string Seed, DateTimeOffset? Published)[] articles)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await using var app = await PipelineHost.StartAsync(azurite.ConnectionString, extra: window is null ? null : Window(window));
            await UploadAndWaitAsync(app, new TestStorage(azurite.ConnectionString), articles);
            return await PairsAsync(app);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Window(string days) => new() { ["Pipeline:WindowDays"] = days };

    // The outlet is the first path segment, so each article is its own outlet.
    private static string Name(string outlet) => outlet + "/story.txt";

    private static string Pair(string a, string b) => string.Join(" ", new[] { Name(a), Name(b) }.Order(StringComparer.Ordinal));

    private static async Task UploadAndWaitAsync(PipelineHost app, TestStorage storage, IEnumerable<(string Outlet, string Seed, DateTimeOffset? Published)> articles)
    {
        foreach (var (outlet, seed, published) in articles)
        {
            var metadata = published is { } when
                ? new Dictionary<string, string> { ["published"] = when.ToString("O", CultureInfo.InvariantCulture) }
                : null;
            await storage.UploadAsync(Name(outlet), Seeds.Get(seed).Content, metadata);
        }

        // Receipts for every current blob version in both containers, then every status final: nothing left to align.
        await storage.WaitUntilProcessedAsync();
        await app.WaitForAsync([Name(Kerry), Name(Kirby), Name(Later)], item => item.Str("status") == "aligned");
        await storage.WaitUntilProcessedAsync();
    }

    /// <summary>The article pairs that have alignment rows, each as "first second" in name order, sorted.</summary>
    private static async Task<IReadOnlyList<string>> PairsAsync(PipelineHost app) =>
        Json.Items(await app.GetJsonAsync("/api/alignments?top=1000"))
            .Select(r => string.Join(" ", new[] { r.GetProperty("source").Str("article"), r.GetProperty("target").Str("article") }.Order(StringComparer.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
