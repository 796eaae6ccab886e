using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Pipeline.Testing;
using Pipeline.Viewer.Tests.Browser;
using Xunit;

namespace Pipeline.Viewer.Tests;

/// <summary>
/// The app under test: a private Azurite plus the real Functions app, run standalone on a free port with the repo's
/// seeds uploaded, serving the viewer's files as the build copied them from src/Pipeline.Functions/wwwroot. Set PIPELINE_VIEWER_URL to test an app that
/// is already running instead (e.g. the one ./run.sh starts); it must have the seeds loaded.
/// </summary>
public sealed class ViewerAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();
    private AzuriteFixture? _azurite;
    private Process? _app;

    /// <summary>An extra article whose name needs encoding in every URL: "/", spaces, "#", "?" and accents.</summary>
    public const string AwkwardArticleName = "feeds/été 2014/wire #3?.txt";

    /// <summary>An extra, empty upload the pipeline must reject and say why.</summary>
    public const string RejectedArticleName = "feeds/empty upload.txt";

    private const string AwkwardArticleText = """
        Lisbon braces for a wet week

        Forecasters in Lisbon expect heavy rain through Friday, the national weather service said on Monday.
        "People should keep umbrellas close and avoid the riverside roads," a spokeswoman for the service said.
        """;

    /// <summary>Three stories of one outlet (folder <c>gazette</c>) that end with the same footer, which the app learns is
    /// that outlet's boilerplate; in the last one the footer is glued to the end of a paragraph.</summary>
    public static readonly IReadOnlyList<string> GazetteArticleNames = ["gazette/bridge.txt", "gazette/school.txt", "gazette/hoopoe.txt"];

    /// <summary>The footer the gazette's stories share.</summary>
    public const string GazetteFooter = "The Dunmore Gazette is printed on recycled paper at the cooperative works beside the old canal basin every Tuesday night.";

    private static readonly string[] s_gazetteLeads =
    [
        "Engineers closed the Harlow Street bridge on Monday after inspectors found corroded steel beneath the eastern span.",
        "Parents packed the assembly hall at Oakfield Primary to argue over a plan to merge the infant classes next autumn.",
        "Birdwatchers from three counties gathered at Fenby marsh after a hoopoe was photographed near the reed beds.",
    ];

    /// <summary>True when this fixture runs its own Azurite, so the extra articles above are there.</summary>
    public bool HasExtraArticles => _azurite is not null;

    /// <summary>The app's root, e.g. http://127.0.0.1:54321 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public string ViewerUrl(string hash) => $"{BaseUrl}/{hash}";

    /// <summary>What the app printed so far, for failure messages.</summary>
    public string AppOutput
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_VIEWER_URL") is { Length: > 0 } running)
        {
            BaseUrl = running.TrimEnd('/');
        }
        else
        {
            _azurite = new AzuriteFixture();
            await _azurite.InitializeAsync();
            BaseUrl = await StartAppAsync(_azurite.ConnectionString);
            var articles = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("articles");
            await articles.CreateIfNotExistsAsync();
            await articles.GetBlobClient(AwkwardArticleName).UploadAsync(BinaryData.FromString(AwkwardArticleText));
            await articles.GetBlobClient(RejectedArticleName).UploadAsync(BinaryData.FromBytes([]));
            for (var i = 0; i < GazetteArticleNames.Count; i++)
            {
                await articles.GetBlobClient(GazetteArticleNames[i]).UploadAsync(BinaryData.FromString(GazetteStory(i)));
            }
        }

        await WaitForSeedsAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task<string> StartAppAsync(string storage)
    {
        var repo = RepoRoot();
        var app = Path.Combine(AppContext.BaseDirectory, "Pipeline.Functions.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"{app} is missing: build tests/Pipeline.Viewer.Tests (it references src/Pipeline.Functions).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            // The app serves wwwroot from its own folder: the build copies src/Pipeline.Functions/wwwroot next to it.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { app, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", Path.Combine(repo, "seeds") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AzureWebJobsStorage"] = storage;
        start.Environment["Pipeline__PollIntervalSeconds"] = "0.5";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        _app = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _app.OutputDataReceived += (_, e) => Record(e.Data);
        _app.ErrorDataReceived += (_, e) => Record(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        var baseUrl = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_app.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_app.ExitCode} before answering:\n{AppOutput}");
            }

            try
            {
                using var response = await _http.GetAsync($"{baseUrl}/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return baseUrl;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The app did not answer /api/health within {s_startTimeout.TotalSeconds}s:\n{AppOutput}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Pipeline.Functions")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"The repository root (with seeds/ and src/Pipeline.Functions) was not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Waits (bounded) until the API marks the gazette's footer as its outlet's boilerplate in every story.</summary>
    public async Task WaitForGazetteFooterLearnedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var learned = 0;
            foreach (var name in GazetteArticleNames)
            {
                using var response = await _http.GetAsync($"{BaseUrl}/api/articles/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}");
                if (response.IsSuccessStatusCode
                    && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("passages").EnumerateArray()
                        .Any(p => p.GetProperty("text").GetString()!.Contains("recycled paper", StringComparison.Ordinal) && p.GetProperty("boilerplate").GetString() == "outlet"))
                {
                    learned++;
                }
            }

            if (learned == GazetteArticleNames.Count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The gazette's footer was learned as boilerplate in {learned} of {GazetteArticleNames.Count} stories after 90 s:\n{AppOutput}");
            }

            await Task.Delay(250);
        }
    }

    // Made-up words of each story's own bring it to a real article's length, so the shared footer is a small part of it.
    private static string GazetteStory(int story)
    {
        var random = new Random(story + 7);
        var filler = new StringBuilder();
        for (var w = 0; w < 160; w++)
        {
            filler.Append(w % 10 == 0 ? 'Z' : 'z').Append(string.Concat(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))))).Append(w % 10 == 9 ? ". " : " ");
        }

        // The last story has the footer glued to its last paragraph, as scraped pages often do.
        return $"{s_gazetteLeads[story]}\n\n{filler.ToString().TrimEnd()}{(story == 2 ? " " : "\n\n")}{GazetteFooter}\n";
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

    private bool Settled(JsonElement page)
    {
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var seeds = Directory.GetFiles(Path.Combine(RepoRoot(), "seeds"), "*.txt").Length + (HasExtraArticles ? 2 : 0);
        return items.Count >= seeds && items.All(i => i.GetProperty("status").GetString() is "aligned" or "rejected" or "failed");
    }

    private async Task WaitForSeedsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                // Clusters are rebuilt while articles are still being aligned; wait until every seed is settled.
                using var articles = await _http.GetAsync($"{BaseUrl}/api/articles?top=100");
                last = $"{(int)articles.StatusCode} {await articles.Content.ReadAsStringAsync()}";
                if (!articles.IsSuccessStatusCode || !Settled(JsonDocument.Parse(await articles.Content.ReadAsStringAsync()).RootElement))
                {
                    await Task.Delay(500);
                    continue;
                }

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

        throw new InvalidOperationException($"The app at {BaseUrl} never clustered the seeds' 'deconflict' quote; last answer: {last}\n{AppOutput}");
    }
}

[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<ViewerAppFixture>
{
    public const string Name = "viewer app";
}
