using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Pipeline.Functions.Hosting;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Data.Tables;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>One instance of the app, started in-process on a real free port over a given storage account.</summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PipelineHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The port the app listens on.</summary>
    public int Port { get; }

    /// <summary>A client for the app.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the app; <paramref name="withoutTriggers"/> leaves the blob triggers to the test (as under the Functions host, which runs them itself).</summary>
    public static async Task<PipelineHost> StartAsync(string connectionString, bool withoutTriggers = false, IReadOnlyDictionary<string, string?>? extra = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Next();
            var settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connectionString,
                ["Pipeline:PollIntervalSeconds"] = "0.2",
                ["Pipeline:MaxBackoffSeconds"] = "0.5",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (withoutTriggers)
            {
                settings["Pipeline:RunTriggers"] = "false";
            }

            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            var command = new CommandLine(port, null, null, false, []);
            var app = PipelineApp.Build(command, settings);
            try
            {
                if (!await PipelineApp.StartAsync(app, command))
                {
                    throw new InvalidOperationException("The app could not start over the test's Azurite.");
                }

                return new PipelineHost(app, port);
            }
            catch (IOException) when (attempt < 3)
            {
                // The free port was taken in between: try another.
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>GETs JSON, failing with the body when the status is not 200.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls /api/articles until every named article has a final status (bounded wait); returns the final items by name.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> WaitForAsync(IReadOnlyCollection<string> names, Func<JsonElement, bool>? done = null, TimeSpan? timeout = null)
    {
        done ??= item => item.GetProperty("status").GetString() is "aligned" or "rejected" or "failed";
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var last = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (true)
        {
            last.Clear();
            string? token = null;
            do
            {
                var page = await GetJsonAsync("/api/articles?top=1000" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    last[item.GetProperty("article").GetString()!] = item;
                }

                token = page.GetProperty("continuationToken").GetString();
            }
            while (token is not null);

            if (names.All(n => last.TryGetValue(n, out var item) && done(item)))
            {
                return new Dictionary<string, JsonElement>(last);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Articles not done in time: {string.Join("; ", last.Select(kv => kv.Key + "=" + kv.Value.GetProperty("status").GetString()))}");
            }

            await Task.Delay(200);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Storage access for tests: upload articles, read every row of a table.</summary>
public sealed class TestStorage(string connectionString)
{
    private readonly BlobServiceClient _blobs = new(connectionString);
    private readonly TableServiceClient _tables = new(connectionString);

    /// <summary>The articles container.</summary>
    public BlobContainerClient Articles => _blobs.GetBlobContainerClient("articles");

    /// <summary>Uploads an article.</summary>
    public async Task<string> UploadAsync(string name, byte[] content, IDictionary<string, string>? metadata = null)
    {
        await Articles.CreateIfNotExistsAsync();
        var response = await Articles.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata });
        return response.Value.ETag.ToString();
    }

    /// <summary>Waits (bounded) until the standalone triggers hold a done receipt for the current version of every blob in both containers.</summary>
    public async Task WaitUntilProcessedAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var blobs = _blobs;
        var tables = _tables.GetTableClient("receipts");
        while (true)
        {
            var pending = new List<string>();
            var receipts = new Dictionary<(string, string), (string? ETag, string? State)>();
            await foreach (var row in tables.QueryAsync<TableEntity>())
            {
                receipts[(row.PartitionKey, row.GetString("Name") ?? string.Empty)] = (row.GetString("BlobETag"), row.GetString("State"));
            }

            foreach (var container in new[] { "articles", "normalized" })
            {
                await foreach (var blob in blobs.GetBlobContainerClient(container).GetBlobsAsync())
                {
                    var etag = blob.Properties.ETag.ToString()!.Trim('"');
                    if (!receipts.TryGetValue((container, blob.Name), out var receipt) || receipt.ETag?.Trim('"') != etag || receipt.State != "done")
                    {
                        pending.Add(container + "/" + blob.Name);
                    }
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Blobs not processed in time: " + string.Join(", ", pending));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every entity of a table.</summary>
    public async Task<IReadOnlyList<TableEntity>> EntitiesAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in _tables.GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>Whether an article has a normalized record.</summary>
    public async Task<bool> NormalizedExistsAsync(string name) =>
        (await _blobs.GetBlobContainerClient("normalized").GetBlobClient(name).ExistsAsync()).Value;

    /// <summary>Every row of a table as comparable strings (PK, RK and properties, minus the volatile ones).</summary>
    public async Task<IReadOnlyList<string>> RowsAsync(string table, params string[] ignore)
    {
        var rows = new List<string>();
        await foreach (var entity in _tables.GetTableClient(table).QueryAsync<TableEntity>())
        {
            var properties = entity
                .Where(p => p.Key is not ("Timestamp" or "odata.etag") && !p.Key.StartsWith("odata.", StringComparison.Ordinal) && !p.Key.EndsWith("@odata.type", StringComparison.Ordinal) && !ignore.Contains(p.Key))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}");
            rows.Add($"{entity.PartitionKey}|{entity.RowKey}|{string.Join(";", properties)}");
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

/// <summary>The repository's seeds/ folder.</summary>
public static class Seeds
{
    /// <summary>The folder itself.</summary>
    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "seeds", "000_d3b1e8ddd48edc73.txt")))
            {
                directory = directory.Parent;
            }

            return directory is null
                ? throw new InvalidOperationException("seeds/ was not found above the test binaries; run the tests from the repository.")
                : Path.Combine(directory.FullName, "seeds");
        }
    }

    /// <summary>Seed names (file names) and bytes.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> All()
    {
        return Directory.GetFiles(Folder, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToList();
    }

    /// <summary>One seed's bytes by its three-digit prefix.</summary>
    public static (string Name, byte[] Content) Get(string prefix) => All().Single(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));
}

/// <summary>Small JSON helpers.</summary>
public static class Json
{
    /// <summary>The items array of a page.</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    /// <summary>A string property.</summary>
    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString() ?? string.Empty;

    /// <summary>Serializes for a request body.</summary>
    public static JsonContent Body(object value) => JsonContent.Create(value);
}
