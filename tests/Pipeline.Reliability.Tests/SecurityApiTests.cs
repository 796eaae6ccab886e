using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Reliability.Tests;

/// <summary>A running app with a few aligned articles, shared by the API security tests.</summary>
public sealed class SecuredApp : IAsyncLifetime
{
    /// <summary>The articles uploaded.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> Files { get; } = Corpus.Articles(12, storySize: 3, prefix: "sec");

    /// <summary>The pipeline.</summary>
    public PipelineRun Run { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Run = await PipelineRun.StartAsync();
        await Run.State.UploadAllAsync(Files, writers: 4);
        await Run.WaitSettledAsync(Files.Select(f => f.Name).ToList(), TimeSpan.FromMinutes(3));
    }

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Run.DisposeAsync();
}

/// <summary>Query parameters cannot widen a query, tokens cannot be forged or reused, and errors never leak internals.</summary>
public sealed partial class SecurityApiTests(SecuredApp app, ITestOutputHelper output) : IClassFixture<SecuredApp>
{
    private static readonly string[] s_injections =
    [
        "' or true or '",
        "x' or PartitionKey ne '",
        "') or (PartitionKey ne '",
        "eq",
        "%27",
        "' or 1 eq 1 or '",
        "PartitionKey ne ''",
        "*",
        "article_sec",
        "sec/",
    ];

    [Fact]
    public async Task Alignments_InjectedArticleParameter_NeverReturnsOtherArticlesRows()
    {
        // The baseline must have rows (of more than one article), or "no rows" for an injection proves nothing.
        var all = await ItemsAsync("api/alignments?top=1000");
        Assert.NotEmpty(all);
        Assert.True(all.Select(a => a.GetProperty("source").GetProperty("article").GetString()).Distinct().Count() > 1, "the unfiltered baseline names only one article");
        foreach (var payload in s_injections)
        {
            var (status, body, raw) = await app.Run.GetJsonAsync("api/alignments?top=1000&article=" + Uri.EscapeDataString(payload));
            Assert.True(status is 200 or 400, $"article={payload}: {status} {raw}");
            if (status == 200)
            {
                Assert.True(body.GetProperty("items").GetArrayLength() == 0, $"article={payload} returned rows: {Clip(raw)}");
            }
        }

        // A real article still finds exactly its own rows.
        var name = app.Files[0].Name;
        var own = await ItemsAsync("api/alignments?top=1000&article=" + Uri.EscapeDataString(name));
        Assert.NotEmpty(own);
        Assert.All(own, a => Assert.Equal(name, a.GetProperty("source").GetProperty("article").GetString()));
    }

    [Fact]
    public async Task Clusters_InjectedParameters_NeverReturnMoreThanUnfiltered()
    {
        // The baseline must have rows, or "never more than unfiltered" and "no rows" prove nothing.
        var all = await ItemsAsync("api/clusters?top=1000&minArticles=1");
        Assert.NotEmpty(all);
        var ownArticle = app.Files[0].Name;
        Assert.NotEmpty(await ItemsAsync("api/clusters?top=1000&minArticles=1&article=" + Uri.EscapeDataString(ownArticle)));
        foreach (var payload in s_injections)
        {
            foreach (var parameter in new[] { "article", "q" })
            {
                var (status, body, raw) = await app.Run.GetJsonAsync($"api/clusters?top=1000&minArticles=1&{parameter}=" + Uri.EscapeDataString(payload));
                Assert.True(status is 200 or 400, $"{parameter}={payload}: {status} {raw}");
                if (status == 200)
                {
                    Assert.True(body.GetProperty("items").GetArrayLength() <= all.Count, $"{parameter}={payload} widened the result");
                    if (parameter == "article")
                    {
                        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("api/alignments?top=-1")]
    [InlineData("api/alignments?top=0")]
    [InlineData("api/alignments?top=1001")]
    [InlineData("api/alignments?top=99999999999999999999")]
    [InlineData("api/alignments?top=1e3")]
    [InlineData("api/alignments?top=5&top=6")]
    [InlineData("api/alignments?top=%27%20or%20true")]
    [InlineData("api/alignments?minScore=-0.1")]
    [InlineData("api/alignments?minScore=1.5")]
    [InlineData("api/alignments?minScore=NaN")]
    [InlineData("api/alignments?minScore=Infinity")]
    [InlineData("api/alignments?minScore=0%20or%20true")]
    [InlineData("api/alignments?$filter=PartitionKey%20ne%20%27%27")]
    [InlineData("api/alignments?article=%00")]
    [InlineData("api/articles?top=-5")]
    [InlineData("api/articles?top=2147483648")]
    [InlineData("api/articles?continuationToken=")]
    [InlineData("api/clusters?minArticles=-5")]
    [InlineData("api/clusters?top=1000000")]
    public async Task Api_BadNumberOrUnknownParameter_Answers400WithReason(string path)
    {
        var (status, body, raw) = await app.Run.GetJsonAsync(path);
        if (path.EndsWith("continuationToken=", StringComparison.Ordinal))
        {
            // An empty token means "from the start": allowed, but must not be an error of ours.
            Assert.True(status is 200 or 400, raw);
            return;
        }

        Assert.True(status == 400, $"{path}: {status} {Clip(raw)}");
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        AssertNoInternals(raw);
    }

    [Fact]
    public async Task Api_OversizeParameters_Answers400Or414NotMoreData()
    {
        foreach (var path in new[]
        {
            "api/alignments?q=" + new string('q', 600),
            "api/alignments?article=" + new string('a', 1100),
            "api/clusters?q=" + new string('q', 600),
            "api/articles/" + new string('n', 1100),
        })
        {
            var (status, _, raw) = await app.Run.GetJsonAsync(path);
            Assert.True(status is 400 or 414, $"{path[..30]}…: {status} {Clip(raw)}");
            AssertNoInternals(raw);
        }

        // Beyond Kestrel's request-line limit.
        var (hugeStatus, _, hugeRaw) = await app.Run.GetJsonAsync("api/alignments?q=" + new string('q', 20_000));
        Assert.True(hugeStatus is 400 or 414 or 431, $"20,000-char query: {hugeStatus}");
        AssertNoInternals(hugeRaw);
    }

    [Fact]
    public async Task ContinuationToken_TamperedOrFromAnotherQuery_Answers400()
    {
        var first = await app.Run.GetJsonAsync("api/alignments?top=1");
        var token = first.Body.GetProperty("continuationToken").GetString();
        Assert.False(string.IsNullOrEmpty(token), "need at least two alignments for a token");
        var articlesToken = (await app.Run.GetJsonAsync("api/articles?top=1")).Body.GetProperty("continuationToken").GetString()!;
        var name = app.Files[0].Name;
        var ownToken = (await app.Run.GetJsonAsync("api/alignments?top=1&article=" + Uri.EscapeDataString(name))).Body.GetProperty("continuationToken").GetString();

        var tampered = new List<string>
        {
            Flip(token!, token!.Length / 2),
            Flip(token, 3),
            token + "AA",
            token[..^4],
            "garbage",
            "%27%20or%20true",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"H\":\"x\",\"S\":null,\"K\":0,\"C\":\"0000\"}")),
            new string('A', 5000),
            articlesToken,
        };
        foreach (var bad in tampered)
        {
            var (status, _, raw) = await app.Run.GetJsonAsync("api/alignments?top=1&continuationToken=" + Uri.EscapeDataString(bad));
            Assert.True(status == 400, $"token {Clip(bad)}: {status} {Clip(raw)}");
            AssertNoInternals(raw);
        }

        // A token is bound to its query: the all-alignments token on another article's query, or with another page size.
        foreach (var path in new[]
        {
            "api/alignments?top=1&article=" + Uri.EscapeDataString(app.Files[1].Name) + "&continuationToken=" + Uri.EscapeDataString(ownToken ?? token),
            "api/alignments?top=2&continuationToken=" + Uri.EscapeDataString(token),
            "api/articles?top=1&continuationToken=" + Uri.EscapeDataString(token),
            "api/clusters?top=1&continuationToken=" + Uri.EscapeDataString(token),
        })
        {
            var (status, _, raw) = await app.Run.GetJsonAsync(path);
            Assert.True(status == 400, $"{path}: {status} {Clip(raw)}");
        }

        // The genuine token still works and pages on.
        var (okStatus, okBody, _) = await app.Run.GetJsonAsync("api/alignments?top=1&continuationToken=" + Uri.EscapeDataString(token));
        Assert.Equal(200, okStatus);
        Assert.Equal(1, okBody.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Paging_FollowingTokens_ReturnsEachAlignmentExactlyOnce()
    {
        var all = (await ItemsAsync("api/alignments?top=1000")).Select(a => a.GetProperty("id").GetString()).ToList();
        var paged = new List<string?>();
        string? token = null;
        for (var i = 0; i < 10_000; i++)
        {
            var (status, body, raw) = await app.Run.GetJsonAsync("api/alignments?top=3" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            Assert.True(status == 200, raw);
            paged.AddRange(body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
            token = body.GetProperty("continuationToken").GetString();
            if (token is null)
            {
                break;
            }
        }

        Assert.Equal(all.Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
    }

    /// <summary>Requests the web server itself refuses before the app sees them (a NUL in the decoded path, oversize headers).</summary>
    private static readonly Dictionary<string, int> s_refusedByKestrel = new(StringComparer.Ordinal)
    {
        ["control char in name"] = 400,
        ["48 KiB of headers"] = 431,
    };

    [Fact]
    public async Task Api_MalformedRequests_AnswerJsonErrorsWithoutStackTraces()
    {
        var http = app.Run.App.Http;
        var requests = new List<(string What, Func<Task<HttpResponseMessage>> Send)>
        {
            ("bad percent-encoding", () => http.GetAsync(new Uri("api/articles/%ZZ%", UriKind.Relative))),
            ("control char in name", () => http.GetAsync(new Uri("api/articles/a%00b", UriKind.Relative))),
            ("unknown cluster id", () => http.GetAsync(new Uri("api/clusters/" + new string('z', 80), UriKind.Relative))),
            ("malformed trigger JSON", () => http.PostAsync(new Uri("NormalizeArticle", UriKind.Relative), new StringContent("{\"Data\": [1,2,", Encoding.UTF8, "application/json"))),
            ("trigger JSON of the wrong shape", () => http.PostAsync(new Uri("AlignArticle", UriKind.Relative), new StringContent("{\"Data\": {\"x\": 1}, \"Metadata\": 5}", Encoding.UTF8, "application/json"))),
            ("trigger body not JSON", () => http.PostAsync(new Uri("NormalizeArticle", UriKind.Relative), new StringContent("<xml/>", Encoding.UTF8, "text/plain"))),
            ("10 MiB trigger body", () => http.PostAsync(new Uri("NormalizeArticle", UriKind.Relative), new ByteArrayContent(new byte[10 * 1024 * 1024]))),
            ("POST to a GET endpoint", () => http.PostAsync(new Uri("api/articles", UriKind.Relative), new StringContent("{}"))),
            ("48 KiB of headers", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/articles", UriKind.Relative));
                request.Headers.TryAddWithoutValidation("X-Big", new string('h', 48 * 1024));
                return http.SendAsync(request);
            }),
        };
        var answered = new List<string>();
        var notJson = new List<string>();
        foreach (var (what, send) in requests)
        {
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException) when (what == "10 MiB trigger body")
            {
                // Kestrel may close the connection on an oversize body before the client finishes sending: refused, not served.
                answered.Add($"{what}: connection closed by the server");
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                answered.Add($"{what}: {(int)response.StatusCode} {response.Content.Headers.ContentType} '{Clip(body)}'");
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {Clip(body)}");
                AssertNoInternals(body, what);
                if (s_refusedByKestrel.TryGetValue(what, out var kestrelStatus))
                {
                    // Kestrel refuses these while parsing, before any middleware of the app runs: its own status, no body.
                    Assert.True((int)response.StatusCode == kestrelStatus && body.Length == 0, $"{what}: expected Kestrel's bare {kestrelStatus}, got {(int)response.StatusCode} '{Clip(body)}'");
                    continue;
                }

                try
                {
                    AssertJsonError(body, what);
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    notJson.Add(e.Message);
                }
            }
        }

        output.WriteLine(string.Join('\n', answered));
        Assert.True(notJson.Count == 0, $"{notJson.Count} refusals without a JSON error body:\n{string.Join('\n', notJson)}");

        // The app is still healthy afterwards.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("api/health", UriKind.Relative))).StatusCode);
    }

    /// <summary>The body is a JSON object whose "error" is a non-empty string.</summary>
    internal static void AssertJsonError(string body, string? what = null)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = default(JsonElement);
            Assert.True(document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out error), $"{what}: no \"error\" in {Clip(body)}");
            Assert.True(error.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(error.GetString()), $"{what}: \"error\" is not a reason: {Clip(body)}");
        }
        catch (JsonException e)
        {
            Assert.Fail($"{what}: the error body is not JSON ({e.Message}): '{Clip(body)}'");
        }
    }

    internal static void AssertNoInternals(string body, string? what = null)
    {
        Assert.False(body.Contains("   at ", StringComparison.Ordinal), $"{what}: stack trace in body: {Clip(body)}");
        Assert.False(ExceptionName().IsMatch(body), $"{what}: exception type name in body: {Clip(body)}");
        Assert.False(body.Contains("System.", StringComparison.Ordinal) || body.Contains("Pipeline.", StringComparison.Ordinal) && body.Contains(".cs", StringComparison.Ordinal), $"{what}: internals in body: {Clip(body)}");
    }

    private async Task<IReadOnlyList<JsonElement>> ItemsAsync(string path)
    {
        var (status, body, raw) = await app.Run.GetJsonAsync(path);
        Assert.True(status == 200, $"{path}: {status} {raw}");
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    private static string Flip(string token, int at)
    {
        var chars = token.ToCharArray();
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+Exception\b")]
    private static partial Regex ExceptionName();
}
