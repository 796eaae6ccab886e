using Azure.Data.Tables;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>A cluster's id is named after its first-published member, so it survives later articles joining.</summary>
public sealed class ClusterIdTests
{
    private static readonly DateTimeOffset s_day1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Id_IsTheSame_WhenALaterArticleJoins()
    {
        var two = new[] { Span("a", 0, 10, s_day1), Span("b", 5, 20, s_day1.AddDays(1)) };
        var three = two.Append(Span("c", 0, 12, s_day1.AddDays(2))).ToArray();
        Assert.Equal(ClusterStore.IdOf(two, "passage"), ClusterStore.IdOf(three, "passage"));
    }

    [Fact]
    public void Id_Changes_WhenAnEarlierArticleJoins_OrTheKindDiffers()
    {
        var two = new[] { Span("a", 0, 10, s_day1), Span("b", 5, 20, s_day1.AddDays(1)) };
        var earlier = two.Append(Span("z", 0, 12, s_day1.AddDays(-1))).ToArray();
        Assert.NotEqual(ClusterStore.IdOf(two, "passage"), ClusterStore.IdOf(earlier, "passage"));
        Assert.NotEqual(ClusterStore.IdOf(two, "passage"), ClusterStore.IdOf(two, "copy"));
    }

    [Fact]
    public void Id_WithoutPublicationTimes_IsNamedAfterTheOrdinalFirstArticle_AndDatedMembersComeFirst()
    {
        var undated = new[] { Span("b", 0, 10, null), Span("c", 0, 10, null) };
        Assert.Equal(ClusterStore.IdOf(undated, "passage"), ClusterStore.IdOf(undated.Append(Span("d", 0, 5, null)), "passage"));
        Assert.NotEqual(ClusterStore.IdOf(undated, "passage"), ClusterStore.IdOf(undated.Append(Span("a", 0, 5, null)), "passage"));
        Assert.Equal(ClusterStore.IdOf([Span("z", 3, 9, s_day1)], "passage"), ClusterStore.IdOf(undated.Append(Span("z", 3, 9, s_day1)), "passage"));
    }

    [Fact]
    public void WithDistinctIds_KeepsBothClusters_WhenTwoShareAnAnchor()
    {
        var first = new ClusterRow("same", null, [Span("a", 0, 10, s_day1), Span("b", 0, 10, s_day1)]);
        var second = new ClusterRow("same", null, [Span("a", 0, 10, s_day1), Span("c", 0, 10, s_day1)]);
        var distinct = ClusterStore.WithDistinctIds([second, first]);
        Assert.Equal(2, distinct.Count);
        Assert.Equal(2, distinct.Select(c => c.Id).Distinct().Count());
        Assert.Equal("same", distinct.Single(c => c.Members.Any(m => m.Article == "b")).Id);
        Assert.Equal(distinct, ClusterStore.WithDistinctIds([first, second, first]));
    }

    private static SpanRow Span(string article, int start, int end, DateTimeOffset? published) =>
        new(article, "outlet", start, end, "text") { Published = published };
}

/// <summary>Stable ids against Azurite: growth rewrites no id, and an article that leaves a kept cluster loses its index row,
/// even when it is not one of the refresh's seeds.</summary>
public sealed class ClusterIdStorageTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    private static readonly DateTimeOffset s_day1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ClusterKeepsItsId_AsArticlesJoin_AndASplitMovesOnlyTheDepartedIndexRows()
    {
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var alignments = new AlignmentStore(pipeline);
        var refresh = new ClusterRefresh(alignments, new ClusterStore(pipeline));

        // A chain of one passage: A–B, then C joins through B, then D through C. A is published first.
        await WriteAsync(alignments, ("s/A", 0, 100, 0), ("s/B", 0, 100, 1));
        await refresh.RefreshAsync(["s/A", "s/B"]);
        var (clusters, index) = await StoredAsync();
        var id = Assert.Single(clusters).Key;

        await WriteAsync(alignments, ("s/B", 50, 150, 1), ("s/C", 0, 100, 2));
        await refresh.RefreshAsync(["s/C", "s/B"]);
        await WriteAsync(alignments, ("s/C", 50, 100, 2), ("s/D", 0, 50, 3));
        await refresh.RefreshAsync(["s/D", "s/C"]);
        (clusters, index) = await StoredAsync();
        Assert.Equal(id, Assert.Single(clusters).Key);
        Assert.Equal(["s/A", "s/B", "s/C", "s/D"], clusters[id]);
        Assert.Equal(["s/A " + id, "s/B " + id, "s/C " + id, "s/D " + id], index);

        // B–C goes (C changed): the seeds are B and C. {A, B} keeps the id; {C, D} is a new cluster, and D, which is not
        // a seed, must lose its index row for the old id.
        await alignments.SweepAsync("s/B", (partner, _) => Task.FromResult<string?>(partner == "s/C" ? null : "v1"));
        await refresh.RefreshAsync(["s/B", "s/C"]);
        (clusters, index) = await StoredAsync();
        Assert.Equal(2, clusters.Count);
        Assert.Equal(["s/A", "s/B"], clusters[id]);
        var other = clusters.Keys.Single(k => k != id);
        Assert.Equal(["s/C", "s/D"], clusters[other]);
        Assert.Equal(new[] { "s/A " + id, "s/B " + id, "s/C " + other, "s/D " + other }.Order(StringComparer.Ordinal), index);

        // An article's clusters are read through its index rows (GET /api/clusters?article=), without listing all.
        var store = new ClusterStore(pipeline);
        Assert.Equal([other], (await store.OfArticleAsync("s/D")).Select(c => c.Id));
        Assert.Equal([id], (await store.OfArticleAsync("s/A")).Select(c => c.Id));
        Assert.Empty(await store.OfArticleAsync("s/nothing"));
    }

    [Fact]
    public async Task Replace_SaysWhetherItWroteAnything()
    {
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var store = new ClusterStore(pipeline);
        SpanRow[] members = [new("n/A", "outlet", 0, 10, "text") { Published = s_day1 }, new("n/B", "outlet", 5, 15, "text") { Published = s_day1 }];
        var cluster = new ClusterRow(ClusterStore.IdOf(members, "passage"), null, members) { Kind = "passage" };
        string[] seeds = ["n/A", "n/B"];

        Assert.True(await store.ReplaceAsync(seeds, [cluster], [], trustStored: true));
        Assert.False(await store.ReplaceAsync(seeds, [cluster], [], trustStored: true));

        // Trusting nothing stored, it writes every member's index row again.
        Assert.True(await store.ReplaceAsync(seeds, [cluster], [], trustStored: false));

        // A cluster that grew is written; one that is gone is deleted, once.
        var grown = cluster with { Members = [.. members, new SpanRow("n/C", "outlet", 0, 10, "text") { Published = s_day1.AddDays(1) }] };
        Assert.True(await store.ReplaceAsync(seeds, [grown], [], trustStored: true));
        Assert.False(await store.ReplaceAsync(seeds, [grown], [], trustStored: true));
        Assert.True(await store.ReplaceAsync(seeds, [], [], trustStored: true));
        Assert.False(await store.ReplaceAsync(seeds, [], [], trustStored: true));
        Assert.Empty(await store.OfArticleAsync("n/C"));
    }

    private static Task WriteAsync(AlignmentStore store, (string Article, int Start, int End, int Day) first, (string Article, int Start, int End, int Day) second) =>
        store.WriteAsync(AlignmentStore.PairRows("v1", ("outlet", s_day1.AddDays(first.Day)), ("outlet", s_day1.AddDays(second.Day)), [new Alignment(
            new AlignedSpan(first.Article, first.Start, first.End, new string('x', first.End - first.Start), null),
            new AlignedSpan(second.Article, second.Start, second.End, new string('x', second.End - second.Start), null),
            1.0,
            PassageKind.Text,
            [])]));

    // Stored clusters (id → member articles) and index rows ("article id"), sorted.
    private async Task<(Dictionary<string, List<string>> Clusters, List<string> Index)> StoredAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in new TableServiceClient(storage.ConnectionString).GetTableClient("clusters").QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        var clusters = (await new ClusterStore(pipeline).AllAsync()).ToDictionary(
            c => c.Id, c => c.Members.Select(m => m.Article).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var index = rows.Where(r => r.PartitionKey != "cluster")
            .Select(r => TableKey.Decode(r.PartitionKey)["member_".Length..] + " " + r.RowKey)
            .Order(StringComparer.Ordinal)
            .ToList();
        return (clusters, index);
    }
}
