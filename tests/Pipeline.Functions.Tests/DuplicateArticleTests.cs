using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Identical copies are recorded as duplicates of one canonical article, not aligned N² times.</summary>
public sealed class DuplicateArticleTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task IdenticalCopies_RecordedAsDuplicatesOfTheFirstName()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString);
        var kerry = Seeds.Get("001").Content;
        string[] copies = ["copies/b.txt", "copies/a.txt", "copies/c.txt"];
        foreach (var name in copies)
        {
            await storage.Storage.UploadAsync(name, kerry);
        }

        await storage.Storage.UploadAsync("other/004.txt", Seeds.Get("004").Content);
        string[] all = [.. copies, "other/004.txt"];
        await storage.Storage.WaitUntilProcessedAsync();
        var articles = await app.WaitForAsync(all);
        await storage.Storage.WaitUntilProcessedAsync();
        articles = await app.WaitForAsync(all);

        Assert.Equal(string.Empty, articles["copies/a.txt"].Str("duplicateOf"));
        Assert.Equal("copies/a.txt", articles["copies/b.txt"].Str("duplicateOf"));
        Assert.Equal("copies/a.txt", articles["copies/c.txt"].Str("duplicateOf"));

        // Only the canonical copy has alignments; none between copies.
        var rows = Json.Items(await app.GetJsonAsync("/api/alignments?top=1000"));
        Assert.NotEmpty(rows);
        var mentioned = rows.SelectMany(r => new[] { r.GetProperty("source").Str("article"), r.GetProperty("target").Str("article") }).ToHashSet();
        Assert.Equal(new HashSet<string> { "copies/a.txt", "other/004.txt" }, mentioned);
    }
}
