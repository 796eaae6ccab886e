using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>Status rows (table <c>articles</c>) and normalized records (container <c>normalized</c>).</summary>
internal sealed class ArticleStore(PipelineStorage storage)
{
    private readonly RecordCache _records = new();

    /// <summary>All status rows share one partition so a listing pages in key order.</summary>
    public const string Partition = "article";

    // One binary property: 8,000 runs, far more than any article's boilerplate.
    private const int RunChunks = 1;

    /// <summary>The runs a status row can hold (the first of a larger set).</summary>
    public static ulong[] ClipRuns(ulong[] runs) => RunSet.Clip(runs, RunChunks);

    /// <summary>The row key of an article's status row.</summary>
    public static string RowKey(string name) => TableKey.Encode(name);

    /// <summary>Reads an article's status row, or null.</summary>
    public async Task<ArticleRow?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var response = await storage.ArticleRows.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(name), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Writes an article's status row, replacing what was there.</summary>
    public Task PutAsync(ArticleRow row, CancellationToken cancellationToken = default) =>
        storage.ArticleRows.UpsertEntityAsync(ToEntity(row), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Writes pending rows for articles seen for the first time (never overwriting an existing row).</summary>
    /// <remarks>Inserted up to 100 at a time; a row that appeared meanwhile (the article was normalized first) is skipped.</remarks>
    public Task AddPendingAsync(IEnumerable<(string Name, string Outlet, string ETag)> articles, CancellationToken cancellationToken = default) =>
        PipelineStorage.SubmitAsync(
            storage.ArticleRows,
            articles.Select(a => new TableTransactionAction(
                TableTransactionActionType.Add,
                ToEntity(new ArticleRow(a.Name, a.Outlet, null, ArticleStatus.Pending, null, 0, 0, DateTimeOffset.UtcNow, a.ETag, null, null)))),
            tolerated: 409,
            cancellationToken);

    /// <summary>Changes a status row when it still describes <paramref name="sourceETag"/>; false when it describes another version or is gone.</summary>
    public async Task<bool> UpdateIfCurrentAsync(string name, string sourceETag, Func<ArticleRow, ArticleRow> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var response = await storage.ArticleRows.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(name), cancellationToken: cancellationToken);
            if (!response.HasValue || response.Value is not { } entity)
            {
                return false;
            }

            var row = FromEntity(entity);
            if (!string.Equals(row.SourceETag, sourceETag, StringComparison.Ordinal))
            {
                return false;
            }

            // A change that returns the row itself has nothing to write.
            var changed = change(row);
            if (ReferenceEquals(changed, row))
            {
                return true;
            }

            try
            {
                await storage.ArticleRows.UpdateEntityAsync(ToEntity(changed), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Someone changed the row in between: read it again.
            }
        }

        return false;
    }

    /// <summary>Sets articles' alignment counts, on the rows that exist.</summary>
    /// <remarks>The rows share a partition, so the counts go up to 100 at a time instead of a request each; a row deleted
    /// meanwhile is skipped.</remarks>
    public Task SetAlignmentCountsAsync(IReadOnlyDictionary<string, int> counts, CancellationToken cancellationToken = default) =>
        PipelineStorage.SubmitAsync(
            storage.ArticleRows,
            counts.Select(c => new TableTransactionAction(
                TableTransactionActionType.UpdateMerge, new TableEntity(Partition, RowKey(c.Key)) { ["Alignments"] = c.Value }, ETag.All)),
            tolerated: 404,
            cancellationToken);

    /// <summary>Deletes an article's status row.</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        PipelineStorage.DeleteIfExistsAsync(storage.ArticleRows, Partition, RowKey(name), cancellationToken);

    /// <summary>One page of status rows in key order.</summary>
    public async Task<(IReadOnlyList<ArticleRow> Rows, string? Next)> PageAsync(string? continuation, int size, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var page in storage.ArticleRows.QueryAsync<TableEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken).AsPages(continuation, size))
        {
            return (page.Values.Select(FromEntity).ToList(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Every status row.</summary>
    public async Task<IReadOnlyList<ArticleRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var rows = await PipelineStorage.QueryAllAsync(storage.ArticleRows, filter, cancellationToken: cancellationToken);
        return rows.Select(FromEntity).ToList();
    }

    /// <summary>Writes (or replaces) an article's normalized record.</summary>
    public async Task WriteRecordAsync(NormalizedRecord record, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["sourceetag"] = Sanitize(record.SourceETag) },
        };
        await storage.Normalized.GetBlobClient(record.Name).UploadAsync(new BinaryData(record.ToJson()), options, cancellationToken);
    }

    /// <summary>Reads an article's normalized record, or null when there is none (or it is unreadable).</summary>
    public async Task<NormalizedRecord?> ReadRecordAsync(string name, CancellationToken cancellationToken = default)
    {
        if (BlobNames.Problem(name) is not null)
        {
            return null;
        }

        try
        {
            var download = await storage.Normalized.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return NormalizedRecord.Parse(download.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A candidate's normalized record, made from article version <paramref name="sourceETag"/> when that is known:
    /// served from this process's <see cref="RecordCache"/> when it holds that version, else read (and kept if it is it).</summary>
    public async Task<NormalizedRecord?> ReadCandidateRecordAsync(string name, string? sourceETag, CancellationToken cancellationToken = default)
    {
        if (sourceETag is not null && _records.Get(name, sourceETag) is { } cached)
        {
            return cached;
        }

        var record = await ReadRecordAsync(name, cancellationToken);
        if (record is not null && sourceETag is not null && ETags.Same(record.SourceETag, sourceETag))
        {
            _records.Set(record);
        }

        return record;
    }

    /// <summary>Uploads a normalized record again unchanged so its AlignArticle trigger fires again (new ETag).</summary>
    public async Task RetriggerAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await ReadRecordAsync(name, cancellationToken) is { } record)
        {
            await WriteRecordAsync(record, cancellationToken);
        }
    }

    /// <summary>Deletes an article's normalized record.</summary>
    public async Task DeleteRecordAsync(string name, CancellationToken cancellationToken = default)
    {
        // An unaddressable name never got a record.
        if (BlobNames.Problem(name) is null)
        {
            await storage.Normalized.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }
    }

    private static string? Clip(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;

    private static string Sanitize(string value) => new(value.Where(c => c is >= ' ' and <= '~').ToArray());

    private static TableEntity ToEntity(ArticleRow row)
    {
        var entity = new TableEntity(Partition, RowKey(row.Name))
        {
            ["Name"] = row.Name,
            ["Outlet"] = row.Outlet,
            ["Status"] = row.Status,
            ["Error"] = Clip(row.Error, 4000),
            ["Passages"] = row.Passages,
            ["Alignments"] = row.Alignments,
            ["Updated"] = row.Updated,
            ["SourceETag"] = row.SourceETag,
            ["ContentHash"] = row.ContentHash,
            ["DuplicateOf"] = row.DuplicateOf,
            ["Url"] = row.Url,
            ["Published"] = row.Published,
            ["Uploaded"] = row.Uploaded,
            ["Warning"] = Clip(row.Warning, 4000),
        };

        // A headline longer than one property allows is split across properties, not cut (the API returns it whole).
        LongText.Write(entity, "Title", row.Title);
        RunSet.Write(entity, "BoilerplateRuns", row.BoilerplateRuns, RunChunks);
        return entity;
    }

    private static ArticleRow FromEntity(TableEntity entity) => new(
        entity.GetString("Name") ?? TableKey.Decode(entity.RowKey),
        entity.GetString("Outlet") ?? string.Empty,
        LongText.Read(entity, "Title"),
        entity.GetString("Status") ?? ArticleStatus.Pending,
        entity.GetString("Error"),
        entity.GetInt32("Passages") ?? 0,
        entity.GetInt32("Alignments") ?? 0,
        entity.GetDateTimeOffset("Updated") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        entity.GetString("SourceETag"),
        entity.GetString("ContentHash"),
        entity.GetString("DuplicateOf"))
    {
        Url = entity.GetString("Url"),
        Published = entity.GetDateTimeOffset("Published"),
        Uploaded = entity.GetDateTimeOffset("Uploaded"),
        Warning = entity.GetString("Warning"),
        BoilerplateRuns = RunSet.Read(entity, "BoilerplateRuns", RunChunks),
    };
}
