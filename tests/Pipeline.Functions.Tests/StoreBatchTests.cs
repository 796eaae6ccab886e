using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Writes that save requests, against Azurite: rows written in table transactions, and an article read on
/// condition of its version.</summary>
public sealed class StoreBatchTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task AddPending_InsertsRowsForNewArticles_AndLeavesAnExistingRowAsItIs()
    {
        var pipeline = await PipelineAsync();
        var articles = new ArticleStore(pipeline);
        await articles.PutAsync(new ArticleRow("pending/b050.txt", "b", "Title", ArticleStatus.Aligned, null, 3, 2, DateTimeOffset.UtcNow, "e-b", "hash", null));

        // 150 names cross the 100 actions one transaction may hold; one of them already has a row.
        var names = Enumerable.Range(0, 150).Select(i => $"pending/b{i:D3}.txt").ToList();
        await articles.AddPendingAsync(names.Select(n => (n, "outlet", "e-" + n)));

        var rows = (await articles.AllAsync()).Where(r => r.Name.StartsWith("pending/", StringComparison.Ordinal)).ToDictionary(r => r.Name);
        Assert.Equal(names.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ArticleStatus.Aligned, rows["pending/b050.txt"].Status);
        Assert.Equal(2, rows["pending/b050.txt"].Alignments);
        Assert.All(rows.Values.Where(r => r.Name != "pending/b050.txt"), r => Assert.Equal(ArticleStatus.Pending, r.Status));
    }

    [Fact]
    public async Task SetAlignmentCounts_ChangesOnlyTheCount_OfTheRowsThatExist()
    {
        var articles = new ArticleStore(await PipelineAsync());
        await articles.PutAsync(new ArticleRow("counts/a.txt", "a", "A", ArticleStatus.Aligned, null, 3, 1, DateTimeOffset.UtcNow, "e-a", "hash-a", null));
        await articles.PutAsync(new ArticleRow("counts/b.txt", "b", "B", ArticleStatus.Normalized, null, 4, 0, DateTimeOffset.UtcNow, "e-b", "hash-b", null));

        // counts/gone.txt has no row: the others are still set, and no row is made for it.
        await articles.SetAlignmentCountsAsync(new Dictionary<string, int> { ["counts/a.txt"] = 7, ["counts/gone.txt"] = 2, ["counts/b.txt"] = 5 });
        Assert.Equal(7, (await articles.GetAsync("counts/a.txt"))!.Alignments);
        Assert.Equal(ArticleStatus.Aligned, (await articles.GetAsync("counts/a.txt"))!.Status);
        Assert.Equal(5, (await articles.GetAsync("counts/b.txt"))!.Alignments);
        Assert.Equal("hash-b", (await articles.GetAsync("counts/b.txt"))!.ContentHash);
        Assert.Null(await articles.GetAsync("counts/gone.txt"));

        await articles.SetAlignmentCountsAsync(new Dictionary<string, int> { ["counts/a.txt"] = 8, ["counts/b.txt"] = 9 });
        Assert.Equal(8, (await articles.GetAsync("counts/a.txt"))!.Alignments);
        Assert.Equal(9, (await articles.GetAsync("counts/b.txt"))!.Alignments);
    }

    [Fact]
    public async Task PutMany_WritesEveryReceipt_AcrossTransactions()
    {
        var receipts = new ReceiptStore(await PipelineAsync());
        var written = Enumerable.Range(0, 130).Select(i => new Receipt("receipts-test", $"r/{i}.txt", $"e{i}", Receipt.Done, 0, null, null)).ToList();
        await receipts.PutManyAsync(written);

        var stored = await receipts.AllAsync("receipts-test");
        Assert.Equal(130, stored.Count);
        Assert.All(written, r => Assert.Equal(r, stored[r.Name]));
    }

    [Fact]
    public async Task ReadVersion_ReturnsTheContent_OnlyWhileTheBlobIsThatVersion()
    {
        var pipeline = await PipelineAsync();
        var blob = pipeline.Articles.GetBlobClient("versions/article.txt");
        var first = (await blob.UploadAsync(new BinaryData("first"), overwrite: true)).Value.ETag;
        Assert.Equal("first", System.Text.Encoding.UTF8.GetString((await ArticleBlob.ReadVersionAsync(blob, first))!));

        var second = (await blob.UploadAsync(new BinaryData("second"), overwrite: true)).Value.ETag;
        Assert.Null(await ArticleBlob.ReadVersionAsync(blob, first));
        Assert.Equal("second", System.Text.Encoding.UTF8.GetString((await ArticleBlob.ReadVersionAsync(blob, second))!));

        await blob.DeleteAsync();
        Assert.Null(await ArticleBlob.ReadVersionAsync(blob, second));
    }

    private async Task<PipelineStorage> PipelineAsync()
    {
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        return pipeline;
    }
}
