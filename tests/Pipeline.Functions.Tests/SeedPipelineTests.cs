using System.Net;
using System.Text.Json;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>End to end over Azurite and a real port: the five seeds uploaded with the blob client, processed by the standalone triggers.</summary>
public sealed class SeedPipelineTests(SeededPipeline pipeline) : IClassFixture<SeededPipeline>
{
    private static readonly string[] s_kirby = ["000", "001", "002"];
    private static readonly string[] s_kerry = ["001", "002", "004"];

    [Fact]
    public void Seeds_Uploaded_AllAlignedWithOutletAndPassages()
    {
        Assert.Equal(5, pipeline.Articles.Count);
        foreach (var (name, item) in pipeline.Articles)
        {
            Assert.Equal("aligned", item.Str("status"));
            Assert.Equal(name, item.Str("outlet"));
            Assert.True(item.GetProperty("passages").GetInt32() > 0, name);
        }
    }

    [Fact]
    public async Task Alignments_Deconflict_KirbyQuoteAlignedAcrossItsArticles()
    {
        var page = await pipeline.App.GetJsonAsync("/api/alignments?q=deconflict");
        var items = Json.Items(page);
        Assert.NotEmpty(items);
        var articles = items.SelectMany(i => new[] { i.GetProperty("source").Str("article"), i.GetProperty("target").Str("article") })
            .Select(a => a[..3]).ToHashSet();
        Assert.Superset(s_kirby.ToHashSet(), articles);
        Assert.All(items, i => Assert.Contains("deconflict", i.GetProperty("source").Str("text") + i.GetProperty("target").Str("text"), StringComparison.OrdinalIgnoreCase));

        // start/end index the decoded original text: the span read back from the article is the span's text.
        var first = items[0].GetProperty("source");
        var original = System.Text.Encoding.UTF8.GetString(Seeds.Get(first.Str("article")[..3]).Content);
        Assert.Equal(first.Str("text"), original[first.GetProperty("start").GetInt32()..first.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task Alignments_NetEffect_KerryQuoteAlignedAcrossItsArticles()
    {
        var items = Json.Items(await pipeline.App.GetJsonAsync("/api/alignments?q=" + Uri.EscapeDataString("net effect is positive")));
        Assert.NotEmpty(items);
        var articles = items.SelectMany(i => new[] { i.GetProperty("source").Str("article"), i.GetProperty("target").Str("article") })
            .Select(a => a[..3]).ToHashSet();
        Assert.Superset(s_kerry.ToHashSet(), articles);
        Assert.All(items, i => Assert.Equal(i.Str("kind"), i.Str("kind") is "quote" or "text" ? i.Str("kind") : "?"));
    }

    [Fact]
    public async Task Alignments_EachPairOnce_AndArticleFilterOrientsSource()
    {
        var all = Json.Items(await pipeline.App.GetJsonAsync("/api/alignments?top=1000"));
        Assert.Equal(all.Count, all.Select(i => i.Str("id")).Distinct().Count());
        var name = pipeline.Articles.Keys.Single(k => k.StartsWith("001", StringComparison.Ordinal));
        var mine = Json.Items(await pipeline.App.GetJsonAsync("/api/alignments?top=1000&article=" + Uri.EscapeDataString(name)));
        Assert.NotEmpty(mine);
        Assert.All(mine, i => Assert.Equal(name, i.GetProperty("source").Str("article")));
        Assert.Equal(pipeline.Articles[name].GetProperty("alignments").GetInt32(), mine.Count);

        // Every pair touching the article appears in the global listing exactly once, with the same id.
        var ids = all.Select(i => i.Str("id")).ToHashSet();
        Assert.All(mine, i => Assert.Contains(i.Str("id"), ids));
    }

    [Fact]
    public async Task Clusters_KirbyAndKerryQuotes_ClusterTheRightArticles()
    {
        var kirby = Json.Items(await pipeline.App.GetJsonAsync("/api/clusters?q=deconflict"));
        Assert.NotEmpty(kirby);
        var kirbyArticles = kirby[0].GetProperty("members").EnumerateArray().Select(m => m.Str("article")[..3]).ToHashSet();
        Assert.Superset(s_kirby.ToHashSet(), kirbyArticles);
        Assert.True(kirby[0].GetProperty("articles").GetInt32() >= 3);
        Assert.Contains("Kirby", kirby[0].Str("speaker"), StringComparison.Ordinal);

        var kerry = Json.Items(await pipeline.App.GetJsonAsync("/api/clusters?q=" + Uri.EscapeDataString("net effect is positive")));
        Assert.NotEmpty(kerry);
        var kerryArticles = kerry[0].GetProperty("members").EnumerateArray().Select(m => m.Str("article")[..3]).ToHashSet();
        Assert.Superset(s_kerry.ToHashSet(), kerryArticles);
        Assert.Subset(new HashSet<string> { "000", "001", "002", "004" }, kerryArticles);
        Assert.Contains("Kerry", kerry[0].Str("speaker"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clusters_SortedBySizeAndDetailHasDiffsAgainstReference()
    {
        var items = Json.Items(await pipeline.App.GetJsonAsync("/api/clusters"));
        Assert.NotEmpty(items);
        var sizes = items.Select(i => i.GetProperty("articles").GetInt32()).ToList();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);

        var detail = await pipeline.App.GetJsonAsync("/api/clusters/" + items[0].Str("id"));
        var reference = detail.GetProperty("reference").GetInt32();
        var members = detail.GetProperty("members").EnumerateArray().ToList();
        Assert.InRange(reference, 0, members.Count - 1);
        Assert.All(members[reference].GetProperty("diff").EnumerateArray(), run => Assert.Equal("equal", run.Str("op")));
        Assert.All(members, m => Assert.NotEmpty(m.GetProperty("diff").EnumerateArray()));

        using var missing = await pipeline.App.Http.GetAsync(new Uri("/api/clusters/0123456789abcdef", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetArticle_Known_ReturnsTextAndPassagesIndexingTheOriginal()
    {
        var (name, content) = Seeds.Get("002");
        var article = await pipeline.App.GetJsonAsync("/api/articles/" + Uri.EscapeDataString(name));
        Assert.Equal(name, article.Str("article"));
        Assert.False(string.IsNullOrEmpty(article.Str("text")));
        var original = System.Text.Encoding.UTF8.GetString(content);

        // "original" is the decoded text as published, which every offset indexes, so a client can show a span exactly.
        Assert.Equal(original, article.Str("original"));
        var passages = article.GetProperty("passages").EnumerateArray().ToList();
        Assert.NotEmpty(passages);
        foreach (var passage in passages)
        {
            Assert.Equal(passage.Str("text"), original[passage.GetProperty("start").GetInt32()..passage.GetProperty("end").GetInt32()]);
        }

        using var unknown = await pipeline.App.Http.GetAsync(new Uri("/api/articles/no%20such%23article%3F.txt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Paging_TopOne_FollowsTokensToTheFullList()
    {
        var all = Json.Items(await pipeline.App.GetJsonAsync("/api/alignments?top=1000")).Select(i => i.Str("id")).ToList();
        var paged = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await pipeline.App.GetJsonAsync("/api/alignments?top=1" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = Json.Items(page);
            Assert.True(items.Count <= 1);
            paged.AddRange(items.Select(i => i.Str("id")));
            token = page.GetProperty("continuationToken").GetString();
            Assert.True(++pages < 500, "paging did not end");
        }
        while (token is not null);

        Assert.Equal(all, paged);

        var first = await pipeline.App.GetJsonAsync("/api/articles?top=2");
        Assert.Equal(2, Json.Items(first).Count);
        var second = await pipeline.App.GetJsonAsync("/api/articles?top=2&continuationToken=" + Uri.EscapeDataString(first.Str("continuationToken")));
        Assert.Equal(2, Json.Items(second).Count);
        Assert.Empty(Json.Items(first).Select(i => i.Str("article")).Intersect(Json.Items(second).Select(i => i.Str("article"))));
    }

    [Theory]
    [InlineData("/api/alignments?top=0")]
    [InlineData("/api/alignments?top=1001")]
    [InlineData("/api/alignments?top=ten")]
    [InlineData("/api/alignments?minScore=1.5")]
    [InlineData("/api/alignments?minScore=NaN")]
    [InlineData("/api/alignments?continuationToken=not-a-token")]
    [InlineData("/api/alignments?continuationToken=eyJIIjoiMSJ9")]
    [InlineData("/api/alignments?q=%21%21%21")]
    [InlineData("/api/alignments?bogus=1")]
    [InlineData("/api/alignments?top=1&top=2")]
    [InlineData("/api/articles?top=-1")]
    [InlineData("/api/articles?continuationToken=%00")]
    [InlineData("/api/clusters?minArticles=0")]
    [InlineData("/api/clusters?top=100000")]
    public async Task Api_BadParameters_Answer400WithError(string path)
    {
        using var response = await pipeline.App.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/alignments?q=deconflict&code=host-function-key")]
    [InlineData("/api/articles?code=host-function-key")]
    [InlineData("/api/clusters?code=host-function-key")]
    public async Task Api_FunctionKeyParameter_IsLeftToTheHostAndAccepted(string path)
    {
        // Under the Functions host, callers pass ?code=<function key>; the host checks it and proxies the query on to us.
        using var response = await pipeline.App.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.NotEmpty(Json.Items(JsonDocument.Parse(body).RootElement));
    }

    [Theory]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("x' or 1 eq 1 or 'a' eq 'a")]
    [InlineData("\") or (true")]
    [InlineData("日本語 ünïcödé")]
    [InlineData("a/b#c?d e")]
    [InlineData("%27%20or%20%271%27%3D%271")]
    public async Task Api_InjectionStrings_AreDataNeverFilters(string value)
    {
        foreach (var path in new[] { "/api/alignments?article=", "/api/alignments?q=", "/api/clusters?q=", "/api/clusters?article=", "/api/articles/" })
        {
            using var response = await pipeline.App.Http.GetAsync(new Uri(path + Uri.EscapeDataString(value), UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}{value}: {(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.OK && !path.StartsWith("/api/articles/", StringComparison.Ordinal))
            {
                Assert.Empty(Json.Items(JsonDocument.Parse(body).RootElement));
            }
        }
    }

    [Fact]
    public async Task ContinuationToken_FromAnotherQuery_IsRefused()
    {
        var page = await pipeline.App.GetJsonAsync("/api/alignments?top=1");
        var token = page.Str("continuationToken");
        Assert.False(string.IsNullOrEmpty(token));
        using var other = await pipeline.App.Http.GetAsync(new Uri("/api/alignments?top=2&continuationToken=" + Uri.EscapeDataString(token), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        using var altered = await pipeline.App.Http.GetAsync(new Uri("/api/alignments?top=1&continuationToken=" + Uri.EscapeDataString(tampered), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApi_Answer()
    {
        var health = await pipeline.App.GetJsonAsync("/api/health");
        Assert.Equal("ok", health.Str("status"));
        var document = await pipeline.App.GetJsonAsync("/api/openapi.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/articles", "/api/articles/{name}", "/api/alignments", "/api/clusters", "/api/clusters/{id}", "/api/health" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"openapi.json lacks {path}: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        }

        // The Functions host serves a committed copy (it has no endpoint metadata to generate one from): it must not drift.
        var committed = Path.Combine(AppContext.BaseDirectory, "openapi.json");
        Assert.True(File.Exists(committed), $"{committed} is missing from the build");
        using var stored = JsonDocument.Parse(File.ReadAllText(committed));
        Assert.True(
            JsonElement.DeepEquals(document, stored.RootElement),
            "src/Pipeline.Functions/openapi.json differs from the document the app generates; regenerate it: " +
            "./run.sh --no-seed, then curl -s localhost:7071/api/openapi.json | python3 -m json.tool --indent 2 --no-ensure-ascii > src/Pipeline.Functions/openapi.json");
    }

    [Fact]
    public async Task Reupload_SameFiles_LeavesTheSameRows()
    {
        string[] volatileColumns = ["Updated", "SourceETag", "BlobETag", "NextAttempt", "Uploaded"];
        var before = await SnapshotAsync(volatileColumns);
        foreach (var (name, content) in Seeds.All())
        {
            await pipeline.Storage.UploadAsync(name, content);
        }

        // Both triggers have processed every current blob version (receipts match), and every article is aligned again.
        await pipeline.Storage.WaitUntilProcessedAsync();
        await pipeline.App.WaitForAsync(Seeds.All().Select(x => x.Name).ToList());
        var after = await SnapshotAsync(volatileColumns);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task SecondInstance_SameStorage_AnswersTheSame()
    {
        await using var second = await PipelineHost.StartAsync(pipeline.ConnectionString, extra: new Dictionary<string, string?> { ["Pipeline:RunTriggers"] = "false" });
        foreach (var path in new[] { "/api/alignments?top=1000", "/api/clusters", "/api/alignments?q=deconflict" })
        {
            var a = (await pipeline.App.GetJsonAsync(path)).GetRawText();
            var b = (await second.GetJsonAsync(path)).GetRawText();
            Assert.Equal(a, b);
        }
    }

    private async Task<IReadOnlyList<string>> SnapshotAsync(string[] ignore)
    {
        var rows = new List<string>();
        foreach (var table in new[] { "articles", "postings", "alignments", "clusters" })
        {
            rows.AddRange((await pipeline.Storage.RowsAsync(table, ignore)).Select(r => table + ":" + r));
        }

        return rows;
    }
}
