using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Functions.Standalone;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Blob metadata title, url and published reach the API, and clusters list their members by publication time.</summary>
public sealed class ArticleMetadataPipelineTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task Metadata_TitleUrlPublished_ShownAndClusterMembersByPublicationTime()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString);
        var (name0, content0) = Seeds.Get("000");
        var (name1, content1) = Seeds.Get("001");
        var (name2, content2) = Seeds.Get("002");
        string a = "meta/a/" + name0, b = "meta/b/" + name1, c = "meta/c/" + name2;
        await storage.Storage.UploadAsync(a, content0, new Dictionary<string, string>
        {
            ["title"] = SeedManifest.Encode("Frappes aériennes: the later one"),
            ["url"] = "https://example.org/a",
            ["published"] = "2014-12-04T10:00:00Z",
        });
        await storage.Storage.UploadAsync(b, content1, new Dictionary<string, string> { ["published"] = "2014-12-03T08:00:00Z", ["url"] = "not a url" });
        await storage.Storage.UploadAsync(c, content2);
        var rows = await app.WaitForAsync([a, b, c], item => item.Str("status") == "aligned");

        Assert.Equal("Frappes aériennes: the later one", rows[a].Str("title"));
        Assert.Equal("https://example.org/a", rows[a].Str("url"));
        Assert.Equal(new DateTimeOffset(2014, 12, 4, 10, 0, 0, TimeSpan.Zero), rows[a].GetProperty("published").GetDateTimeOffset());
        Assert.Contains("'url'", rows[b].Str("warning"), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[c].GetProperty("published").ValueKind);

        var detail = await app.GetJsonAsync("/api/articles/" + Uri.EscapeDataString(a));
        Assert.Equal("https://example.org/a", detail.Str("url"));

        // Kirby's quote is in all three: the dated ones first, earliest first and marked, the undated one last.
        var clusters = Json.Items(await app.GetJsonAsync("/api/clusters?q=deconflict"));
        var cluster = clusters.First(x => x.GetProperty("members").GetArrayLength() == 3);
        var members = cluster.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([b, a, c], members.Select(m => m.Str("article")));
        Assert.Equal([true, false, false], members.Select(m => m.GetProperty("first").GetBoolean()));

        var full = await app.GetJsonAsync("/api/clusters/" + cluster.Str("id"));
        Assert.Equal(b, full.GetProperty("members")[0].Str("article"));
        Assert.True(full.GetProperty("members")[0].GetProperty("first").GetBoolean());
    }

    [Fact]
    public async Task Seeder_Manifest_UploadsWithMetadataAndNotItself_AndAgainOnlyWhenChanged()
    {
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();

        var first = await Seeder.UploadAsync(pipeline, Seeds.Folder, NullLogger.Instance);
        var again = await Seeder.UploadAsync(pipeline, Seeds.Folder, NullLogger.Instance);

        Assert.Equal(Seeds.All().Count, first);
        Assert.Equal(0, again);
        Assert.False((await pipeline.Articles.GetBlobClient(SeedManifest.FileName).ExistsAsync()).Value);
        var properties = await pipeline.Articles.GetBlobClient(Seeds.Get("000").Name).GetPropertiesAsync();
        Assert.Equal("Al Jazeera America", properties.Value.Metadata["outlet"]);
        Assert.StartsWith("US, Iran strikes on ISIL", properties.Value.Metadata["title"], StringComparison.Ordinal);
    }
}
