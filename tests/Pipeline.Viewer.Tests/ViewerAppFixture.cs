using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Viewer.Tests.Browser;
using Xunit;

namespace Pipeline.Viewer.Tests;

/// <summary>The app under test: by default a private Azurite plus the real Functions app (standalone) with the seeds.</summary>
public sealed class ViewerAppFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The app's root, e.g. http://127.0.0.1:54321 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public string ViewerUrl(string hash) => $"{BaseUrl}/{hash}";

    public async Task InitializeAsync()
    {
        BaseUrl = (Environment.GetEnvironmentVariable("PIPELINE_VIEWER_URL") ?? throw new InvalidOperationException("set PIPELINE_VIEWER_URL")).TrimEnd('/');
        await WaitForSeedsAsync();
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The hash route of the cluster holding Kirby's "deconflict" quote.</summary>
    public async Task<string> DeconflictClusterHashAsync()
    {
        var cluster = await DeconflictClusterAsync();
        return "#/cluster/" + Uri.EscapeDataString(cluster.GetProperty("id").GetString()!);
    }

    /// <summary>The hash route of one member of that cluster, highlighted in its article.</summary>
    public async Task<string> DeconflictMemberHashAsync()
    {
        var cluster = await DeconflictClusterAsync();
        var member = cluster.GetProperty("members")[0];
        var name = string.Join('/', member.GetProperty("article").GetString()!.Split('/').Select(Uri.EscapeDataString));
        return $"#/article/{name}?start={member.GetProperty("start").GetInt32()}&end={member.GetProperty("end").GetInt32()}";
    }

    private async Task<JsonElement> DeconflictClusterAsync()
    {
        var body = await _http.GetFromJsonAsync<JsonElement>($"{BaseUrl}/api/clusters?q=deconflict");
        return body.GetProperty("items").EnumerateArray().FirstOrDefault(c => c.GetProperty("members").GetArrayLength() >= 3) is { ValueKind: JsonValueKind.Object } cluster
            ? cluster
            : throw new InvalidOperationException($"no cluster with three members matches 'deconflict': {body}");
    }

    private async Task WaitForSeedsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await _http.GetAsync($"{BaseUrl}/api/clusters?q=deconflict");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.IsSuccessStatusCode)
                {
                    var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    if (body.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("members").GetArrayLength() >= 3))
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException error)
            {
                last = error.Message;
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"The app at {BaseUrl} never clustered the seeds' 'deconflict' quote; last answer: {last}");
    }
}

[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<ViewerAppFixture>
{
    public const string Name = "viewer app";
}
