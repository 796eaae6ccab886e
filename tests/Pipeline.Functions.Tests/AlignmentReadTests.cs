using Azure.Data.Tables;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Reading an article's alignment rows, against Azurite: the internal read leaves the word diff out and keeps
/// everything else, the API's read keeps the diff.</summary>
public sealed class AlignmentReadTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task OfArticle_ReadsSpansAndWholeTexts_ButNotTheDiff_WhilePagesKeepIt()
    {
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var store = new AlignmentStore(pipeline);

        // A source text longer than one property (30,000 characters), so its later chunks must be selected too.
        var longText = string.Concat(Enumerable.Repeat("The minister said the talks would go on. ", 1600));
        Assert.True(longText.Length > 60_000);
        var published = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var alignment = new Alignment(
            new AlignedSpan("read/first.txt", 10, 10 + longText.Length, longText, "Kerry"),
            new AlignedSpan("read/second.txt", 5, 45, "the talks would go on, the minister said", null),
            0.8,
            PassageKind.Quote,
            [new DiffRun(DiffOp.Equal, "the talks"), new DiffRun(DiffOp.Delete, " would"), new DiffRun(DiffOp.Insert, " will")]);
        await store.WriteAsync(AlignmentStore.PairRows("v1", ("first.example", published), ("second.example", null), [alignment]));

        var row = Assert.Single(await store.OfArticleAsync("read/first.txt"));
        Assert.Equal(("read/first.txt", "first.example", 10, 10 + longText.Length, longText, "Kerry", published),
            (row.Source.Article, row.Source.Outlet, row.Source.Start, row.Source.End, row.Source.Text, row.Source.Speaker, row.Source.Published));
        Assert.Equal(("read/second.txt", "second.example", 5, 45, "the talks would go on, the minister said", (string?)null, (DateTimeOffset?)null),
            (row.Target.Article, row.Target.Outlet, row.Target.Start, row.Target.End, row.Target.Text, row.Target.Speaker, row.Target.Published));
        Assert.Equal(("v1", true, 0.8, "quote"), (row.Version, row.Primary, row.Score, row.Kind));
        Assert.Empty(row.Diff);

        var mirrored = Assert.Single(await store.OfArticleAsync("read/second.txt"));
        Assert.Equal((row.Id, false, longText), (mirrored.Id, mirrored.Primary, mirrored.Target.Text));

        var (paged, _) = await store.PageAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode("read/first.txt")}"), null, 10);
        Assert.Equal(alignment.Diff, Assert.Single(paged).Diff);
    }
}
