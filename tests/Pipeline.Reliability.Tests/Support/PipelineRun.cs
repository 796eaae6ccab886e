using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>One pipeline under test: a private Azurite, optionally fault proxies in front of it, and the app as a real process.</summary>
public sealed class PipelineRun : IAsyncDisposable
{
    private readonly bool _ownsAzurite;

    private PipelineRun(AzuriteFixture azurite, bool ownsAzurite, FaultProxy? blobProxy, FaultProxy? tableProxy, AppProcess app)
    {
        Azurite = azurite;
        _ownsAzurite = ownsAzurite;
        BlobProxy = blobProxy;
        TableProxy = tableProxy;
        App = app;
        State = new StoredState(azurite.ConnectionString);
    }

    /// <summary>The emulator.</summary>
    public AzuriteFixture Azurite { get; }

    /// <summary>The proxy the app's blob traffic goes through, when asked for.</summary>
    public FaultProxy? BlobProxy { get; }

    /// <summary>The proxy the app's table traffic goes through, when asked for.</summary>
    public FaultProxy? TableProxy { get; }

    /// <summary>The app process.</summary>
    public AppProcess App { get; }

    /// <summary>Direct access to storage (bypassing any proxy).</summary>
    public StoredState State { get; }

    /// <summary>Starts Azurite (a fresh in-memory one unless <paramref name="azurite"/> is given), proxies if asked, and the app.</summary>
    public static async Task<PipelineRun> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, bool throughProxy = false, AzuriteFixture? azurite = null, bool startApp = true)
    {
        var owns = azurite is null;
        if (azurite is null)
        {
            azurite = new AzuriteFixture();
            await azurite.InitializeAsync();
        }

        FaultProxy? blobProxy = null;
        FaultProxy? tableProxy = null;
        var connection = azurite.ConnectionString;
        if (throughProxy)
        {
            blobProxy = await FaultProxy.StartAsync(azurite.BlobPort);
            tableProxy = await FaultProxy.StartAsync(azurite.TablePort);
            connection =
                $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{blobProxy.Port}/{AzuriteFixture.AccountName};" +
                $"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/{AzuriteFixture.AccountName};" +
                $"TableEndpoint=http://127.0.0.1:{tableProxy.Port}/{AzuriteFixture.AccountName};";
        }

        var app = new AppProcess(connection, settings);
        var run = new PipelineRun(azurite, owns, blobProxy, tableProxy, app);
        await run.State.EnsureContainerAsync();
        if (startApp)
        {
            await app.StartAsync();
        }

        return run;
    }

    /// <summary>The app's and Azurite's recent output, for failure messages.</summary>
    public string Diagnostics() =>
        $"---- app log (tail) ----\n{App.RecentLog()}\n---- azurite (tail) ----\n{Tail(Azurite.Output, 20)}";

    /// <summary>Waits until every named article is settled and no trigger is due; returns how long it took.</summary>
    public Task<TimeSpan> WaitSettledAsync(IReadOnlyCollection<string> names, TimeSpan timeout) =>
        Eventually.UntilAsync(
            $"{names.Count} articles to settle (aligned/rejected/failed, no trigger due)",
            timeout,
            () => State.SettledAsync(names),
            Diagnostics,
            TimeSpan.FromMilliseconds(500));

    /// <summary>GETs an API path and parses the JSON (any status).</summary>
    public async Task<(int Status, JsonElement Body, string Raw)> GetJsonAsync(string pathAndQuery)
    {
        using var response = await App.Http.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }

        return ((int)response.StatusCode, body, raw);
    }

    /// <summary>Every article the API lists, following continuation tokens.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListArticlesAsync()
    {
        var items = new List<JsonElement>();
        string? token = null;
        for (var page = 0; page < 1000; page++)
        {
            var path = "api/articles?top=1000" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var (status, body, raw) = await GetJsonAsync(path);
            if (status != 200)
            {
                throw new InvalidOperationException($"GET {path} answered {status}: {raw}");
            }

            items.AddRange(body.GetProperty("items").EnumerateArray());
            token = body.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (token is null)
            {
                return items;
            }
        }

        throw new InvalidOperationException("The article listing did not end within 1000 pages.");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (BlobProxy is not null)
        {
            await BlobProxy.DisposeAsync();
        }

        if (TableProxy is not null)
        {
            await TableProxy.DisposeAsync();
        }

        if (_ownsAzurite)
        {
            await Azurite.DisposeAsync();
        }
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
