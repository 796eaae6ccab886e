using System.Text.Json;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Clusters;
using Pipeline.Functions.Tests.Support;
using Azure.Data.Tables;

namespace Pipeline.Functions.Tests;

/// <summary>Clusters are refreshed around each changed article only; after every step they must equal clustering all stored alignments at once.</summary>
public sealed class ClusterConsistencyTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task StoredClusters_EqualAFullRecompute_AfterUploadsChangesAndDeletes()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString);
        var seeds = Seeds.All();
        foreach (var (name, content) in seeds)
        {
            await storage.Storage.UploadAsync("c/" + name, content);
        }

        await SettleAsync(app);
        var afterUpload = await AssertConsistentAsync();
        Assert.Contains(afterUpload, c => c.Split('|').Length >= 4);

        // 004 carries only Kerry's quote: deleting it shrinks that cluster and must leave Kirby's untouched.
        var kirbyBefore = afterUpload.Where(c => !c.Contains("c/004", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kirbyBefore);
        var kerry = seeds.Single(s => s.Name.StartsWith("004", StringComparison.Ordinal));
        await storage.Storage.Articles.DeleteBlobIfExistsAsync("c/" + kerry.Name);
        await WaitGoneAsync(app, "c/" + kerry.Name);
        await SettleAsync(app);
        var afterDelete = await AssertConsistentAsync();
        Assert.DoesNotContain(afterDelete, c => c.Contains("c/004", StringComparison.Ordinal));
        Assert.All(kirbyBefore, c => Assert.Contains(c, afterDelete));

        // Replace 000 (in both clusters) by 004's text: its old spans go, its new ones join Kerry's passage again.
        var first = seeds.Single(s => s.Name.StartsWith("000", StringComparison.Ordinal));
        await storage.Storage.UploadAsync("c/" + first.Name, kerry.Content);
        await SettleAsync(app);
        await AssertConsistentAsync();
    }

    private async Task SettleAsync(PipelineHost app)
    {
        await storage.Storage.WaitUntilProcessedAsync();
        var names = Json.Items(await app.GetJsonAsync("/api/articles?top=100")).Select(i => i.Str("article")).ToList();
        await app.WaitForAsync(names);
    }

    private static async Task WaitGoneAsync(PipelineHost app, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Json.Items(await app.GetJsonAsync("/api/articles?top=100")).Any(i => i.Str("article") == name))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} was not removed");
            await Task.Delay(200);
        }
    }

    /// <summary>Asserts stored clusters = PassageClustering over every stored primary alignment; returns each stored cluster's articles ("a|b|c").</summary>
    private async Task<List<string>> AssertConsistentAsync()
    {
        var rows = (await storage.Storage.EntitiesAsync("alignments")).Where(r => r.GetBoolean("Primary") == true).ToList();
        var expected = PassageClustering.Cluster(rows.Select(ToAlignment))
            .Select(c => c.Members.Select(m => $"{m.Article} [{m.Start}, {m.End})").Order(StringComparer.Ordinal).ToList())
            .Where(c => c.Select(ArticleOf).Distinct().Count() >= 2)
            .Select(c => string.Join(" + ", c))
            .Order(StringComparer.Ordinal)
            .ToList();

        var stored = (await storage.Storage.EntitiesAsync("clusters")).Where(r => r.PartitionKey == "cluster")
            .Select(r => JsonDocument.Parse(r.GetString("Members")!).RootElement.EnumerateArray()
                .Select(m => $"{m.Str("article")} [{m.GetProperty("start").GetInt32()}, {m.GetProperty("end").GetInt32()})")
                .Order(StringComparer.Ordinal).ToList())
            .ToList();
        Assert.Equal(expected, stored.Select(c => string.Join(" + ", c)).Order(StringComparer.Ordinal).ToList());
        Assert.NotEmpty(stored);
        return stored.Select(c => string.Join('|', c.Select(ArticleOf).Distinct())).ToList();
    }

    private static string ArticleOf(string member) => member[..member.LastIndexOf(" [", StringComparison.Ordinal)];

    private static Alignment ToAlignment(TableEntity row) => new(
        new AlignedSpan(row.GetString("SourceArticle")!, row.GetInt32("SourceStart")!.Value, row.GetInt32("SourceEnd")!.Value, string.Empty, null),
        new AlignedSpan(row.GetString("TargetArticle")!, row.GetInt32("TargetStart")!.Value, row.GetInt32("TargetEnd")!.Value, string.Empty, null),
        row.GetDouble("Score") ?? 0,
        PassageKind.Text,
        []);
}

/// <summary>The cluster walk against Azurite with hand-made alignment rows: it follows passages through articles that are not seeds, and leaves their other clusters alone.</summary>
public sealed class ClusterWalkTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task Refresh_FollowsOverlappingSpansThroughNonSeeds_AndKeepsTheirOtherClusters()
    {
        var pipeline = new Pipeline.Functions.Storage.PipelineStorage(Pipeline.Functions.Storage.StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var alignments = new Pipeline.Functions.Stores.AlignmentStore(pipeline);
        var clusters = new Pipeline.Functions.Stores.ClusterStore(pipeline);
        var refresh = new Pipeline.Functions.Processing.ClusterRefresh(alignments, clusters);

        // A–B share a passage; A–H share part of it (A[20,40)); A–J share another passage of A; B–F another of B.
        await WriteAsync(alignments, ("w/A", 0, 100), ("w/B", 0, 100));
        await WriteAsync(alignments, ("w/A", 20, 40), ("w/H", 0, 20));
        await WriteAsync(alignments, ("w/A", 300, 400), ("w/J", 0, 100));
        await WriteAsync(alignments, ("w/B", 500, 600), ("w/F", 0, 100));
        await refresh.RefreshAsync(["w/A", "w/B", "w/F", "w/H", "w/J"]);
        Assert.Equal(
            ["w/A [0, 100) + w/B [0, 100) + w/H [0, 20)", "w/A [300, 400) + w/J [0, 100)", "w/B [500, 600) + w/F [0, 100)"],
            await StoredAsync(pipeline));

        // C arrives and aligns with B[50,150): seeds are C and B only. The passage runs on through A (not a seed) to H,
        // and A's other cluster (with J) must stay as it was.
        await WriteAsync(alignments, ("w/B", 50, 150), ("w/C", 0, 100));
        await refresh.RefreshAsync(["w/C", "w/B"]);
        Assert.Equal(
            [
                "w/A [0, 100) + w/B [0, 150) + w/C [0, 100) + w/H [0, 20)",
                "w/A [300, 400) + w/J [0, 100)",
                "w/B [500, 600) + w/F [0, 100)",
            ],
            await StoredAsync(pipeline));
    }

    private static Task WriteAsync(Pipeline.Functions.Stores.AlignmentStore store, (string Article, int Start, int End) first, (string Article, int Start, int End) second) =>
        store.WriteAsync(Pipeline.Functions.Stores.AlignmentStore.PairRows("v1", ("outlet", null), ("outlet", null), [new Alignment(
            new AlignedSpan(first.Article, first.Start, first.End, new string('x', first.End - first.Start), null),
            new AlignedSpan(second.Article, second.Start, second.End, new string('x', second.End - second.Start), null),
            1.0,
            PassageKind.Text,
            [])]));

    // Stored clusters as their members (one merged span per article), one string per cluster, sorted.
    private static async Task<List<string>> StoredAsync(Pipeline.Functions.Storage.PipelineStorage pipeline) =>
        (await new Pipeline.Functions.Stores.ClusterStore(pipeline).AllAsync())
            .Select(c => string.Join(" + ", c.Members.Select(m => $"{m.Article} [{m.Start}, {m.End})").Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
}
