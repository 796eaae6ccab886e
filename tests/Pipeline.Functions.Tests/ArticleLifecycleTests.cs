using System.Net;
using System.Text;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Re-uploads under the same name, rejection and deletion leave nothing stale, in either direction, with the
/// mirrored candidate index (<see cref="ArticleLifecycleTests"/>) and the sharded one (<see cref="ShardedArticleLifecycleTests"/>).</summary>
public abstract class ArticleLifecycleContract(EmptyStorage storage)
{
    private const string X = "lifecycle/x story.txt";
    private const string Y = "lifecycle/y#?.txt";

    [Fact]
    public async Task ChangedThenRejectedThenDeleted_NothingStaleRemains()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, extra: Settings);
        await storage.Storage.UploadAsync(X, Seeds.Get("000").Content);
        await storage.Storage.UploadAsync(Y, Seeds.Get("002").Content);
        await SettleAsync(app);
        await AssertIndexLayoutAsync();

        // Kirby's quote is in both: found from either side, pointing at the other.
        Assert.Contains(await AlignmentsAsync(app, X, "deconflict"), i => i.GetProperty("target").Str("article") == Y);
        Assert.Contains(await AlignmentsAsync(app, Y, "deconflict"), i => i.GetProperty("target").Str("article") == X);

        // Change X to an article without Kirby's quote but with Kerry's.
        var changed = Seeds.Get("004").Content;
        await storage.Storage.UploadAsync(X, changed);
        await SettleAsync(app);
        Assert.Empty(await AlignmentsAsync(app, X, "deconflict"));
        Assert.DoesNotContain(await AlignmentsAsync(app, Y, "deconflict"), i => i.GetProperty("target").Str("article") == X);
        Assert.Contains(await AlignmentsAsync(app, Y, "net effect is positive"), i => i.GetProperty("target").Str("article") == X);
        await AssertRowsDescribeAsync(X, Encoding.UTF8.GetString(changed));

        // Replace X with something unreadable: rejected, and every alignment and cluster mentioning it is gone.
        await storage.Storage.UploadAsync(X, [0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x00, 0x00]);
        await SettleAsync(app);
        var rejected = await app.GetJsonAsync("/api/articles/" + Uri.EscapeDataString(X));
        Assert.Equal("rejected", rejected.Str("status"));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Str("error")));
        await AssertNoRowsMentionAsync(X);

        // Put it back, then delete the blob: status row, alignments, clusters and postings all go.
        await storage.Storage.UploadAsync(X, changed);
        await SettleAsync(app);
        Assert.NotEmpty(await AlignmentsAsync(app, X, null));
        await storage.Storage.Articles.DeleteBlobIfExistsAsync(X);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await app.Http.GetAsync(new Uri("/api/articles/" + Uri.EscapeDataString(X), UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the deleted article's status row stayed");
            await Task.Delay(200);
        }

        await AssertNoRowsMentionAsync(X);
        Assert.Equal(0, (await app.WaitForAsync([Y]))[Y].GetProperty("alignments").GetInt32());
    }

    /// <summary>The app's settings besides the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Where the index keeps the articles' shingles: in their rows of <c>postings</c> (mirror) or in <c>candidates</c> (sharded).</summary>
    private async Task AssertIndexLayoutAsync()
    {
        var sharded = Settings?.GetValueOrDefault("Pipeline:CandidateIndex") == "sharded";
        var indexRows = (await storage.Storage.EntitiesAsync("postings")).Where(r => r.PartitionKey == "index").ToList();
        Assert.Equal(2, indexRows.Count);
        Assert.All(indexRows, r => Assert.Equal(!sharded, r.Keys.Any(k => k.StartsWith("Data", StringComparison.Ordinal))));
        Assert.All(indexRows, r => Assert.Equal(sharded, r.GetBoolean("Sharded")));
        var candidates = await storage.Storage.EntitiesAsync("candidates");
        Assert.Equal(sharded, candidates.Any(r => r.Select(p => p.Value).OfType<string>().Any(v => v.EndsWith("," + Y, StringComparison.Ordinal))));
    }

    private async Task SettleAsync(PipelineHost app)
    {
        await storage.Storage.WaitUntilProcessedAsync();
        await app.WaitForAsync([X, Y]);
    }

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> AlignmentsAsync(PipelineHost app, string article, string? q)
    {
        var path = "/api/alignments?top=1000&article=" + Uri.EscapeDataString(article) + (q is null ? string.Empty : "&q=" + Uri.EscapeDataString(q));
        return Json.Items(await app.GetJsonAsync(path));
    }

    /// <summary>Every stored alignment side and cluster member of <paramref name="article"/> quotes the current text at its offsets.</summary>
    private async Task AssertRowsDescribeAsync(string article, string original)
    {
        var rows = await storage.Storage.EntitiesAsync("alignments");
        var sides = rows.SelectMany(r => new[]
        {
            (Article: r.GetString("SourceArticle"), Start: r.GetInt32("SourceStart"), End: r.GetInt32("SourceEnd"), Text: r.GetString("SourceText")),
            (Article: r.GetString("TargetArticle"), Start: r.GetInt32("TargetStart"), End: r.GetInt32("TargetEnd"), Text: r.GetString("TargetText")),
        }).Where(s => s.Article == article).ToList();
        Assert.NotEmpty(sides);
        Assert.All(sides, s => Assert.Equal(original[s.Start!.Value..s.End!.Value], s.Text));
        var clusters = await storage.Storage.EntitiesAsync("clusters");
        foreach (var cluster in clusters.Where(c => c.PartitionKey == "cluster"))
        {
            var members = System.Text.Json.JsonDocument.Parse(cluster.GetString("Members")!).RootElement.EnumerateArray().Where(m => m.Str("article") == article);
            Assert.All(members, m => Assert.Equal(original[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()], m.Str("text")));
        }
    }

    private async Task AssertNoRowsMentionAsync(string article)
    {
        var alignments = await storage.Storage.EntitiesAsync("alignments");
        Assert.DoesNotContain(alignments, r => r.GetString("SourceArticle") == article || r.GetString("TargetArticle") == article);
        var postings = await storage.Storage.EntitiesAsync("postings");
        // Only a tombstone may stay: it tells every process's in-memory index mirror that the article is gone.
        Assert.DoesNotContain(postings, r => r.GetString("Article") == article && r.GetBoolean("Removed") != true);
        Assert.All(
            postings.Where(r => r.GetString("Article") == article),
            r => Assert.DoesNotContain(r.Keys, k => k.StartsWith("Data", StringComparison.Ordinal) || k == "Signature"));
        var clusters = await storage.Storage.EntitiesAsync("clusters");
        Assert.DoesNotContain(clusters, c => c.GetString("Members")?.Contains(System.Text.Json.JsonSerializer.Serialize(article), StringComparison.Ordinal) == true);
        Assert.False(await storage.Storage.NormalizedExistsAsync(article), "the normalized record stayed");

        // The sharded index keeps tombstones ("") in place of the article's postings, and no manifest.
        var candidates = await storage.Storage.EntitiesAsync("candidates");
        Assert.DoesNotContain(candidates, r => r.Select(p => p.Value).OfType<string>().Any(v => v.Length > 0 && (v.EndsWith("," + article, StringComparison.Ordinal) || v == article)));
    }
}

/// <summary>The lifecycle with the in-memory mirror of the index (the default).</summary>
public sealed class ArticleLifecycleTests(EmptyStorage storage) : ArticleLifecycleContract(storage), IClassFixture<EmptyStorage>;

/// <summary>The lifecycle with the sharded candidate index.</summary>
public sealed class ShardedArticleLifecycleTests(EmptyStorage storage) : ArticleLifecycleContract(storage), IClassFixture<EmptyStorage>
{
    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?> { ["Pipeline:CandidateIndex"] = "sharded" };
}
