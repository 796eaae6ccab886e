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

/// <summary>The same article in several outlets is shown as copies of one canonical copy, whatever the upload order.</summary>
public sealed class WireCopyTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    public async Task SameArticleInThreeOutlets_CopyRowsToTheCanonicalOnly_OneClusterOfThreeOutlets(string canonicalArrives)
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString);
        var prefix = "wire-" + canonicalArrives + "/";
        // Each case its own article (the fixture's storage is shared); 003 shares nothing with 001.
        var kerry = Seeds.Get(canonicalArrives == "first" ? "001" : "003").Content;
        string canonical = prefix + "ap/story.txt", b = prefix + "bbc/story.txt", c = prefix + "cnn/story.txt", sameOutlet = prefix + "cnn/story2.txt";
        string[] order = canonicalArrives == "first" ? [canonical, c, b, sameOutlet] : [c, b, sameOutlet, canonical];
        foreach (var name in order)
        {
            // Outlets from metadata, so the prefix folder does not make them one outlet.
            await storage.Storage.UploadAsync(name, kerry, new Dictionary<string, string> { ["outlet"] = name.Split('/')[1] + "-" + canonicalArrives });
            if (canonicalArrives == "last" && name == sameOutlet)
            {
                await app.WaitForAsync([c, b, sameOutlet], item => item.Str("status") == "aligned");
            }
        }

        await app.WaitForAsync(order, item => item.Str("status") == "aligned");
        await storage.Storage.WaitUntilProcessedAsync();
        var articles = await app.WaitForAsync(order, item => item.Str("status") == "aligned");

        Assert.Equal(c, articles[sameOutlet].Str("duplicateOf"));
        Assert.All(new[] { canonical, b, c }, n => Assert.Equal(string.Empty, articles[n].Str("duplicateOf")));

        var rows = Json.Items(await app.GetJsonAsync("/api/alignments?top=1000"))
            .Where(r => r.GetProperty("source").Str("article").StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        Assert.All(rows, r => Assert.Equal("copy", r.Str("kind")));
        var pairs = rows.Select(r => string.Join(" ", new[] { r.GetProperty("source").Str("article"), r.GetProperty("target").Str("article") }.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
        var stored = await storage.Storage.RowsAsync("alignments");
        Assert.True(pairs.SequenceEqual([$"{canonical} {b}", $"{canonical} {c}"]), "copy pairs: " + string.Join(" | ", pairs) + "\nstored: " + string.Join("\n", stored.Where(r => r.Contains(prefix, StringComparison.Ordinal)).Select(r => r.Length > 300 ? r[..300] : r)) + "\narticles: " + string.Join("; ", articles.Select(a => a.Key + "=" + a.Value.Str("status") + "/" + a.Value.Str("duplicateOf") + "/" + a.Value.GetProperty("alignments").GetInt32())));

        var cluster = Json.Items(await app.GetJsonAsync("/api/clusters?top=1000"))
            .Single(x => x.GetProperty("members").EnumerateArray().Any(m => m.Str("article") == canonical));
        Assert.Equal("copy", cluster.Str("kind"));
        Assert.Equal(new HashSet<string> { "ap-" + canonicalArrives, "bbc-" + canonicalArrives, "cnn-" + canonicalArrives }, cluster.GetProperty("members").EnumerateArray().Select(m => m.Str("outlet")).ToHashSet());
    }
}
