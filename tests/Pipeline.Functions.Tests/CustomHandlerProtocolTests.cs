using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>The app as the Functions host runs it (FUNCTIONS_CUSTOMHANDLER_PORT set): triggers arrive as host-shaped invocation payloads.</summary>
public sealed class CustomHandlerProtocolTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task Invocations_ConcurrentNormalizeThenAlign_FindEachOther()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, underHost: true);
        var kirby = new[] { Seeds.Get("000"), Seeds.Get("001") };
        var names = kirby.Select(s => "concurrent/" + s.Name).ToArray();
        var etags = new string[2];
        for (var i = 0; i < 2; i++)
        {
            etags[i] = await storage.Storage.UploadAsync(names[i], kirby[i].Content);
        }

        var normalized = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => PostAsync(app, "NormalizeArticle", NormalizePayload(names[i], etags[i], kirby[i].Content))));
        Assert.All(normalized, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(normalized, r => AssertInvocationResponse(r.Body));

        var records = await Task.WhenAll(names.Select(n => RecordBytesAsync(n)));
        var aligned = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => PostAsync(app, "AlignArticle", AlignPayload(names[i], records[i]))));
        Assert.All(aligned, r => Assert.Equal(HttpStatusCode.OK, r.Status));

        var items = Json.Items(await app.GetJsonAsync("/api/alignments?q=deconflict&article=" + Uri.EscapeDataString(names[0])));
        Assert.Contains(items, i => i.GetProperty("target").Str("article") == names[1]);
        var reverse = Json.Items(await app.GetJsonAsync("/api/alignments?q=deconflict&article=" + Uri.EscapeDataString(names[1])));
        Assert.Equal(items.Select(i => i.Str("id")).Order(), reverse.Select(i => i.Str("id")).Order());

        var articles = await app.WaitForAsync(names, timeout: TimeSpan.FromSeconds(5));
        Assert.All(names, n => Assert.Equal("concurrent", articles[n].Str("outlet")));
    }

    [Fact]
    public async Task Invocations_SecondArticleArrivesLater_FindsTheFirst()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, underHost: true);
        // Seeds no other test of this class uploads: identical copies would be recorded as duplicates instead.
        var (nameA, contentA) = Seeds.Get("002");
        var (nameB, contentB) = Seeds.Get("004");
        // Long enough (every space escapes to 5 characters) that TableKey has to hash the keys' tails.
        var a = "later/" + string.Join(" ", Enumerable.Repeat("long", 120)) + " " + nameA;
        var b = "later/b #?" + nameB;

        var etagA = await storage.Storage.UploadAsync(a, contentA);
        var normalizeA = await PostAsync(app, "NormalizeArticle", NormalizePayload(a, etagA, contentA));
        Assert.StartsWith("Normalized", normalizeA.Body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var alignA = await PostAsync(app, "AlignArticle", AlignPayload(a, await RecordBytesAsync(a)));
        Assert.StartsWith("Aligned", alignA.Body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);

        var etagB = await storage.Storage.UploadAsync(b, contentB);
        var normalizeB = await PostAsync(app, "NormalizeArticle", NormalizePayload(b, etagB, contentB));
        Assert.StartsWith("Normalized", normalizeB.Body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var alignB = await PostAsync(app, "AlignArticle", AlignPayload(b, await RecordBytesAsync(b)));
        Assert.True(alignB.Body.GetProperty("Logs")[0].GetString()!.StartsWith("Aligned", StringComparison.Ordinal), alignB.Body.GetRawText());

        var fromA = Json.Items(await app.GetJsonAsync("/api/alignments?q=" + Uri.EscapeDataString("net effect is positive") + "&article=" + Uri.EscapeDataString(a)));
        Assert.Contains(fromA, i => i.GetProperty("target").Str("article") == b);
        var detail = await app.GetJsonAsync("/api/articles/" + Uri.EscapeDataString(b));
        Assert.Equal(b, detail.Str("article"));
        Assert.Equal("aligned", detail.Str("status"));
    }

    [Fact]
    public async Task NormalizeArticle_DeclaredLengthOverLimit_RejectedWithoutRetry()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, underHost: true, extra: new Dictionary<string, string?> { ["Pipeline:MaxArticleBytes"] = "1000" });
        var (name, content) = Seeds.Get("003");
        var blobName = "big/" + name;
        var etag = await storage.Storage.UploadAsync(blobName, content);
        var response = await PostAsync(app, "NormalizeArticle", NormalizePayload(blobName, etag, content));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var article = await app.GetJsonAsync("/api/articles/" + Uri.EscapeDataString(blobName));
        Assert.Equal("rejected", article.Str("status"));
        Assert.Contains("1000", article.Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormalizeArticle_BinaryContent_RejectedWithReason()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, underHost: true);
        var content = new byte[4096];
        new Random(7).NextBytes(content);
        content[0] = 0x89;
        content[1] = (byte)'P';
        content[2] = (byte)'N';
        content[3] = (byte)'G';
        var metadata = new Dictionary<string, string> { ["outlet"] = "Example News" };
        var etag = await storage.Storage.UploadAsync("binary/picture.png", content, metadata);
        var response = await PostAsync(app, "NormalizeArticle", NormalizePayload("binary/picture.png", etag, content, metadata));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var article = await app.GetJsonAsync("/api/articles/binary/picture.png");
        Assert.Equal("rejected", article.Str("status"));
        Assert.Equal("Example News", article.Str("outlet"));
        Assert.False(string.IsNullOrWhiteSpace(article.Str("error")));
    }

    [Fact]
    public async Task Invocation_Malformed_Answers400NotACrash()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, underHost: true);
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await app.Http.PostAsync(new Uri("/NormalizeArticle", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var noName = await PostAsync(app, "AlignArticle", new { Data = new { }, Metadata = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        AssertInvocationResponse(noName.Body);
    }

    [Fact]
    public async Task ForwardedHttp_UnderHost_ServesTheApiAndViewer()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, underHost: true);
        Assert.Equal("ok", (await app.GetJsonAsync("/api/health")).Str("status"));
        using var viewer = await app.Http.GetAsync(new Uri("/api/viewer/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal("text/html", viewer.Content.Headers.ContentType?.MediaType);
        using var traversal = await app.Http.GetAsync(new Uri("/api/viewer/..%2F..%2Fhost.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    private static object NormalizePayload(string name, string etag, byte[] content, IReadOnlyDictionary<string, string>? metadata = null)
    {
        // The host's shape: binary data as base64; metadata values JSON-in-JSON strings.
        var properties = JsonSerializer.Serialize(new { ETag = etag, Length = content.Length, ContentType = "text/plain" });
        return new
        {
            Data = new { article = Convert.ToBase64String(content) },
            Metadata = new Dictionary<string, object>
            {
                ["name"] = JsonSerializer.Serialize(name),
                ["Uri"] = JsonSerializer.Serialize("http://127.0.0.1/devstoreaccount1/articles/" + Uri.EscapeDataString(name)),
                ["Properties"] = properties,
                ["Metadata"] = JsonSerializer.Serialize(metadata ?? new Dictionary<string, string>()),
                ["sys"] = JsonSerializer.Serialize(new { MethodName = "NormalizeArticle", UtcNow = DateTime.UtcNow, RandGuid = Guid.NewGuid() }),
            },
        };
    }

    private static object AlignPayload(string name, byte[] record) => new
    {
        Data = new { record = Convert.ToBase64String(record) },
        Metadata = new Dictionary<string, object>
        {
            ["name"] = JsonSerializer.Serialize(name),
            ["Properties"] = JsonSerializer.Serialize(new { Length = record.Length }),
            ["sys"] = JsonSerializer.Serialize(new { MethodName = "AlignArticle" }),
        },
    };

    private async Task<byte[]> RecordBytesAsync(string name)
    {
        var blobs = Pipeline.Storage.StorageConnection.Parse(storage.ConnectionString).CreateBlobServiceClient();
        var download = await blobs.GetBlobContainerClient("normalized").GetBlobClient(name).DownloadContentAsync();
        return download.Value.Content.ToArray();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(PipelineHost app, string function, object payload)
    {
        using var response = await app.Http.PostAsJsonAsync(new Uri("/" + function, UriKind.Relative), payload, JsonSerializerOptions.Default);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static void AssertInvocationResponse(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.True(body.TryGetProperty("ReturnValue", out _));
    }
}
