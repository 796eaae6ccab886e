using Azure.Data.Tables;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Storage from a version without index rows (older layout) is re-indexed when the standalone app starts.</summary>
public sealed class IndexUpgradeTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task Restart_ArticlesWithoutIndexRows_NormalizedAgainAndFoundByNewArticles()
    {
        var seeds = Seeds.All();
        var names = seeds.Select(s => "up/" + s.Name).ToList();
        await using (var first = await PipelineHost.StartAsync(storage.ConnectionString))
        {
            foreach (var (name, content) in seeds.Take(4))
            {
                await storage.Storage.UploadAsync("up/" + name, content);
            }

            await storage.Storage.WaitUntilProcessedAsync();
            await first.WaitForAsync(names.Take(4).ToList());
        }

        // What an older version left behind: normalized, aligned articles and no index rows.
        var postings = new TableServiceClient(storage.ConnectionString).GetTableClient("postings");
        var indexRows = (await storage.Storage.EntitiesAsync("postings")).Where(r => r.PartitionKey == "index").ToList();
        Assert.Equal(4, indexRows.Count);
        foreach (var row in indexRows)
        {
            await postings.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await using var second = await PipelineHost.StartAsync(storage.ConnectionString);
        var (lastName, lastContent) = seeds[4];
        await storage.Storage.UploadAsync("up/" + lastName, lastContent);
        await storage.Storage.WaitUntilProcessedAsync();
        var articles = await second.WaitForAsync(names);

        var restored = (await storage.Storage.EntitiesAsync("postings")).Where(r => r.PartitionKey == "index").Select(r => r.GetString("Article") ?? string.Empty).ToHashSet();
        Assert.Equal(names.ToHashSet(), restored);

        // The article added after the restart found the old ones (004 carries Kerry's quote, as 000-002 do).
        Assert.True(articles["up/" + lastName].GetProperty("alignments").GetInt32() > 0, "the new article found no partner among the re-indexed ones");
    }
}
