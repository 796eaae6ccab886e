using Pipeline.Functions.Storage;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Data.Tables;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>An article's status row as stored.</summary>
public sealed record ArticleState(string Name, string Status, string? Error, int Alignments, string? DuplicateOf, string? SourceETag);

/// <summary>A standalone-trigger receipt as stored.</summary>
public sealed record ReceiptState(string Name, string ETag, string State, int Attempts, string? Error);

/// <summary>One stored alignment (primary direction), reduced to what must be equal between two runs over the same files.</summary>
public sealed record AlignmentFact(string Source, int SourceStart, int SourceEnd, string Target, int TargetStart, int TargetEnd, string Score)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}[{SourceStart}..{SourceEnd}] ~ {Target}[{TargetStart}..{TargetEnd}] {Score}";
}

/// <summary>Reads and writes the pipeline's storage directly (through Pipeline.Storage, straight to Azurite) to upload articles and check outcomes.</summary>
public sealed class StoredState
{
    /// <summary>The statuses an article settles in.</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal) { "aligned", "rejected", "failed" };

    private readonly TableServiceClient _tables;

    /// <summary>Connects with a connection string (the fixture's, never the proxy's, so checks are not faulted).</summary>
    public StoredState(string connectionString)
    {
        var blobs = new BlobServiceClient(connectionString);
        _tables = new TableServiceClient(connectionString);
        Articles = blobs.GetBlobContainerClient("articles");
        Normalized = blobs.GetBlobContainerClient("normalized");
    }

    /// <summary>The upload container.</summary>
    public BlobContainerClient Articles { get; }

    /// <summary>The normalized-record container.</summary>
    public BlobContainerClient Normalized { get; }

    /// <summary>A table of the pipeline.</summary>
    public TableClient Table(string name) => _tables.GetTableClient(name);

    /// <summary>Creates the upload container (the app creates it too; tests may upload before the app starts).</summary>
    public async Task EnsureContainerAsync(CancellationToken cancellationToken = default) => await Articles.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Uploads one article.</summary>
    public Task UploadAsync(string name, byte[] content, CancellationToken cancellationToken = default) =>
        Articles.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions(), cancellationToken);

    /// <summary>Uploads many articles with <paramref name="writers"/> concurrent writers.</summary>
    public Task UploadAllAsync(IEnumerable<(string Name, byte[] Content)> files, int writers, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken },
            async (file, ct) => await UploadAsync(file.Name, file.Content, ct));

    /// <summary>Every status row by article name.</summary>
    public async Task<IReadOnlyDictionary<string, ArticleState>> ArticleStatesAsync(CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, ArticleState>(StringComparer.Ordinal);
        foreach (var row in await AllAsync("articles", TableClient.CreateQueryFilter($"PartitionKey eq {"article"}"), cancellationToken))
        {
            var name = row.GetString("Name") ?? TableKey.Decode(row.RowKey);
            result[name] = new ArticleState(name, row.GetString("Status") ?? "?", row.GetString("Error"), row.GetInt32("Alignments") ?? 0, row.GetString("DuplicateOf"), row.GetString("SourceETag"));
        }

        return result;
    }

    /// <summary>Every receipt of a container by blob name.</summary>
    public async Task<IReadOnlyDictionary<string, ReceiptState>> ReceiptsAsync(string container, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, ReceiptState>(StringComparer.Ordinal);
        foreach (var row in await AllAsync("receipts", TableClient.CreateQueryFilter($"PartitionKey eq {container}"), cancellationToken))
        {
            var name = row.GetString("Name") ?? TableKey.Decode(row.RowKey);
            result[name] = new ReceiptState(name, Bare(row.GetString("BlobETag")), row.GetString("State") ?? "?", row.GetInt32("Attempts") ?? 0, row.GetString("Error"));
        }

        return result;
    }

    /// <summary>Every poison record as (container, name, error).</summary>
    public async Task<IReadOnlyList<(string Container, string Name, string? Error)>> PoisonAsync(CancellationToken cancellationToken = default) =>
        (await AllAsync("poison", null, cancellationToken)).Select(r => (r.PartitionKey, r.GetString("Name") ?? r.RowKey, (string?)r.GetString("Error"))).ToList();

    /// <summary>Every alignment once (the primary direction), sorted.</summary>
    public async Task<IReadOnlyList<AlignmentFact>> AlignmentsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await AllAsync("alignments", TableClient.CreateQueryFilter($"Primary eq {true}"), cancellationToken);
        return rows
            .Select(r => new AlignmentFact(
                r.GetString("SourceArticle") ?? "?", r.GetInt32("SourceStart") ?? -1, r.GetInt32("SourceEnd") ?? -1,
                r.GetString("TargetArticle") ?? "?", r.GetInt32("TargetStart") ?? -1, r.GetInt32("TargetEnd") ?? -1,
                (r.GetDouble("Score") ?? -1).ToString("F6", CultureInfo.InvariantCulture)))
            .OrderBy(a => a.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every stored cluster as its sorted member spans ("article [start, end)" joined by " + "), sorted.</summary>
    public async Task<IReadOnlyList<string>> ClustersAsync(CancellationToken cancellationToken = default)
    {
        var rows = await AllAsync("clusters", TableClient.CreateQueryFilter($"PartitionKey eq {"cluster"}"), cancellationToken);
        return rows
            .Select(r =>
            {
                // Long member lists are split across Members, Members1, Members2...
                var json = string.Concat(Enumerable.Range(0, 16).Select(i => r.GetString(i == 0 ? "Members" : "Members" + i.ToString(CultureInfo.InvariantCulture))).TakeWhile(x => x is not null));
                using var members = System.Text.Json.JsonDocument.Parse(json);
                return string.Join(" + ", members.RootElement.EnumerateArray()
                    .Select(m => $"{m.GetProperty("article").GetString()} [{m.GetProperty("start").GetInt32()}, {m.GetProperty("end").GetInt32()})")
                    .Order(StringComparer.Ordinal));
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every status row as name → "status / passages / alignments / duplicateOf": what a query shows of an article that must not
    /// depend on how or in which order it was processed (Updated, SourceETag and Timestamp do).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ArticleFactsAsync(CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await AllAsync("articles", TableClient.CreateQueryFilter($"PartitionKey eq {"article"}"), cancellationToken))
        {
            var name = row.GetString("Name") ?? TableKey.Decode(row.RowKey);
            result[name] = $"status {row.GetString("Status") ?? "?"} / passages {row.GetInt32("Passages")?.ToString(CultureInfo.InvariantCulture) ?? "null"} / " +
                $"alignments {row.GetInt32("Alignments")?.ToString(CultureInfo.InvariantCulture) ?? "null"} / duplicateOf {row.GetString("DuplicateOf") ?? "null"}";
        }

        return result;
    }

    /// <summary>
    /// Every row of <paramref name="table"/> as one line "PartitionKey | RowKey | Name=value; ..." with properties in ordinal order,
    /// leaving out the volatile ones (Timestamp, ETag and <paramref name="volatileProperties"/>), sorted. Two runs that stored the same
    /// rows give the same list; a missing, extra, duplicated or different row shows as a differing line.
    /// </summary>
    public async Task<IReadOnlyList<string>> RowsAsync(string table, IReadOnlyCollection<string>? volatileProperties = null, CancellationToken cancellationToken = default)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };
        skip.UnionWith(volatileProperties ?? []);
        return (await AllAsync(table, null, cancellationToken))
            .Select(row => $"{row.PartitionKey} | {row.RowKey} | " + string.Join("; ", row.Keys
                .Where(k => !skip.Contains(k))
                .Order(StringComparer.Ordinal)
                .Select(k => $"{k}={Format(row[k])}")))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many alignment rows there are in both directions.</summary>
    public async Task<int> AlignmentRowCountAsync(CancellationToken cancellationToken = default) =>
        (await AllAsync("alignments", null, cancellationToken, ["RowKey"])).Count;

    /// <summary>Blob name → bare ETag of a container.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ListAsync(BlobContainerClient container, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                result[item.Name] = Bare(item.Properties.ETag?.ToString());
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        return result;
    }

    /// <summary>
    /// Whether the pipeline has nothing left to do for <paramref name="names"/>: each has a settled status row, and every blob in both
    /// containers has a "done" or "poisoned" receipt for its current version (so no trigger is still due).
    /// </summary>
    public async Task<(bool Settled, string Why)> SettledAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var states = await ArticleStatesAsync(cancellationToken);
        var unsettled = names.Where(n => !states.TryGetValue(n, out var s) || !Terminal.Contains(s.Status)).ToList();
        if (unsettled.Count > 0)
        {
            var sample = string.Join(", ", unsettled.Take(5).Select(n => $"{Clip(n)}={(states.TryGetValue(n, out var s) ? s.Status : "no row")}"));
            return (false, $"{unsettled.Count} of {names.Count} articles not settled, e.g. {sample}");
        }

        foreach (var (container, client) in new[] { ("articles", Articles), ("normalized", Normalized) })
        {
            var receipts = await ReceiptsAsync(container, cancellationToken);
            var blobs = await ListAsync(client, cancellationToken);
            var due = blobs.Where(b => !receipts.TryGetValue(b.Key, out var r) || r.ETag != b.Value || r.State is not ("done" or "poisoned")).Select(b => b.Key).ToList();
            if (due.Count > 0)
            {
                return (false, $"{due.Count} blobs in '{container}' still due, e.g. {string.Join(", ", due.Take(5).Select(Clip))}");
            }
        }

        return (true, "settled");
    }

    /// <summary>The ETag without quotes.</summary>
    public static string Bare(string? etag) => (etag ?? string.Empty).Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        BinaryData data => Convert.ToBase64String(data.ToArray()),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string Clip(string name) => name.Length > 60 ? name[..60] + "…" : name;

    private async Task<IReadOnlyList<TableEntity>> AllAsync(string table, string? filter, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Table(table).QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The app has not created the table yet.
        }

        return rows;
    }
}
