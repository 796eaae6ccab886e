using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Pipeline.Storage.Http;

namespace Pipeline.Storage.Tables;

/// <summary>One table (shaped like Azure.Data.Tables.TableClient): entities as JSON with typed properties.</summary>
public sealed class TableClient
{
    private const string Accept = "application/json;odata=minimalmetadata";
    private const string ContinuationPartitionHeader = "x-ms-continuation-NextPartitionKey";
    private const string ContinuationRowHeader = "x-ms-continuation-NextRowKey";
    private static readonly RequestMethod s_merge = new("MERGE");

    private readonly TableServiceClient _service;

    internal TableClient(TableServiceClient service, string tableName)
    {
        ValidateTableName(tableName);
        _service = service;
        Name = tableName;
        Uri = new Uri(service.Uri.AbsoluteUri + "/" + tableName);
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The table URL.</summary>
    public Uri Uri { get; }

    /// <summary>Builds a filter from an interpolated string, turning every interpolated value into an escaped, typed OData literal:
    /// strings quoted with ' doubled, int plain, long with L, double with a decimal point, DateTimeOffset as datetime'…',
    /// Guid as guid'…', byte[] as X'…'. Example: <c>CreateQueryFilter($"PartitionKey eq {outlet} and Count gt {n}")</c>.</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    /// <summary>Creates the table unless it exists (TableAlreadyExists is success).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/create-table</remarks>
    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, new Uri(_service.Uri.AbsoluteUri + "/Tables"));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 201, 204, 409);
        if (response.Status == 409 && StorageErrors.TryGetCode(response) != "TableAlreadyExists")
        {
            throw StorageErrors.CreateException(response);
        }

        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table; false when it did not exist.</summary>
    public async Task<Response<bool>> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, new Uri(_service.Uri.AbsoluteUri + "/Tables('" + Name + "')"));
        var response = await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 204, 404);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>Inserts the entity; fails with 409 EntityAlreadyExists when it exists.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/insert-entity</remarks>
    public async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var message = CreateMessage(RequestMethod.Post, Uri);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message.Request, TableEntityJson.Serialize(entity));
        var response = await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 204);
        entity.ETag = response.Headers.ETag ?? default;
        return response;
    }

    /// <summary>Inserts or updates without a condition: Merge keeps unmentioned properties (MERGE), Replace drops them (PUT).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/insert-or-merge-entity and insert-or-replace-entity</remarks>
    public Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteEntityAsync(entity, mode, ifMatch: null, cancellationToken);

    /// <summary>Updates an existing entity only if its ETag still matches <paramref name="ifMatch"/> (ETag.All = any);
    /// a mismatch is 412 with ErrorCode UpdateConditionNotSatisfied (Azure) / ConditionNotMet.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/update-entity2 and merge-entity</remarks>
    public Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteEntityAsync(entity, mode, ifMatch == default ? "*" : ifMatch.ToString("H"), cancellationToken);

    /// <summary>Reads one entity; 404 ResourceNotFound when absent.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/query-entities</remarks>
    public async Task<Response<TableEntity>> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var response = await GetEntityCoreAsync(partitionKey, rowKey, select, cancellationToken, 200);
        return Response.FromValue(ReadEntity(response), response);
    }

    /// <summary>Reads one entity, or no value when it does not exist.</summary>
    public async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var response = await GetEntityCoreAsync(partitionKey, rowKey, select, cancellationToken, 200, 404);
        if (response.Status == 404)
        {
            if (StorageErrors.TryGetCode(response) is not (null or "ResourceNotFound"))
            {
                throw StorageErrors.CreateException(response);
            }

            return new NoValueResponse<TableEntity>(response);
        }

        return Response.FromValue(ReadEntity(response), response);
    }

    /// <summary>Queries entities. Pages follow the service's continuation headers; <c>.AsPages(token, pageSize)</c> resumes from a token
    /// of the form "{NextPartitionKey} {NextRowKey}" (the service's opaque values joined by one space, as Azure.Data.Tables does).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/query-timeout-and-pagination</remarks>
    public AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var columns = select?.ToList();
        return new StoragePageable<TableEntity>(
            (token, pageSize, ct) => QueryPageAsync(filter, pageSize ?? maxPerPage, columns, token, ct),
            cancellationToken);
    }

    /// <summary>Deletes the entity; by default unconditionally (If-Match: *). 404 ResourceNotFound when absent.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/delete-entity1</remarks>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var message = CreateMessage(RequestMethod.Delete, new Uri(EntityUri(Uri, partitionKey, rowKey)));
        message.Request.Headers.SetValue("If-Match", TableBatch.IfMatch(ifMatch));
        return await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 204);
    }

    /// <summary>Runs up to 100 operations on one partition atomically (≤ 4 MiB). On failure throws
    /// <see cref="TableTransactionFailedException"/> whose FailedTransactionActionIndex names the failing action.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions</remarks>
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);
        var (body, contentType) = TableBatch.Build(Uri, list);
        if (body.Length > TableLimits.MaxBatchBytes)
        {
            throw new ArgumentException($"The transaction is {body.Length:N0} bytes; the limit is 4 MiB ({TableLimits.MaxBatchBytes:N0} bytes). Use TableTransactionBatches.Split.", nameof(actions));
        }

        using var message = CreateMessage(RequestMethod.Post, new Uri(_service.Uri.AbsoluteUri + "/$batch"));
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 202);
        var responseType = response.Headers.ContentType ?? "";
        var items = TableBatch.Parse(responseType, response.Content.ToString());
        var failure = items.FirstOrDefault(i => i.Status >= 400);
        if (failure is not null)
        {
            var (code, detail, index) = TableBatch.DescribeFailure(failure);
            if (index is { } i && (i < 0 || i >= list.Count))
            {
                index = null;
            }

            response.Headers.TryGetValue("x-ms-request-id", out var requestId);
            var which = index is { } n ? $"operation {n} ({list[n].ActionType} {list[n].Entity.PartitionKey}/{list[n].Entity.RowKey})" : "an operation";
            throw new TableTransactionFailedException(
                failure.Status,
                $"The transaction failed at {which}: {failure.Status} {code}: {detail}{Environment.NewLine}x-ms-request-id: {requestId}",
                code,
                index);
        }

        if (items.Count != list.Count)
        {
            throw new RequestFailedException(response.Status, $"The $batch response has {items.Count} parts for {list.Count} operations.");
        }

        foreach (var (action, item) in list.Zip(items))
        {
            if (item.Headers.ETag is { } etag)
            {
                action.Entity.ETag = etag;
            }
        }

        return Response.FromValue<IReadOnlyList<Response>>(items, response);
    }

    internal static string EntityUri(Uri tableUri, string partitionKey, string rowKey) =>
        $"{tableUri.AbsoluteUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    // Single quotes are doubled (OData string literal), then the value is percent-encoded as one path segment.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    internal static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > TableLimits.MaxBatchOperations)
        {
            throw new ArgumentException(
                $"A transaction has at most {TableLimits.MaxBatchOperations} actions; got {actions.Count}. Use TableTransactionBatches.Split.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Action {i} has no entity.", nameof(actions));
            if (actions[i].ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.ValidateKey(entity.PartitionKey, "PartitionKey");
                TableLimits.ValidateKey(entity.RowKey, "RowKey");
            }
            else
            {
                TableLimits.ValidateEntity(entity);
            }

            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in partition '{entity.PartitionKey}', not '{partition}': a transaction covers one partition.", nameof(actions));
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} repeats RowKey '{entity.RowKey}': a transaction may touch each entity once.", nameof(actions));
            }
        }
    }

    private async Task<Response> WriteEntityAsync(TableEntity entity, TableUpdateMode mode, string? ifMatch, CancellationToken cancellationToken)
    {
        TableLimits.ValidateEntity(entity);
        var method = mode == TableUpdateMode.Merge ? s_merge : RequestMethod.Put;
        using var message = CreateMessage(method, new Uri(EntityUri(Uri, entity.PartitionKey, entity.RowKey)));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        SetJson(message.Request, TableEntityJson.Serialize(entity));
        var response = await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 204);
        entity.ETag = response.Headers.ETag ?? default;
        return response;
    }

    private async Task<Response> GetEntityCoreAsync(string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken, params int[] expected)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var message = CreateMessage(RequestMethod.Get, new Uri(EntityUri(Uri, partitionKey, rowKey)));
        if (select is not null)
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', select));
        }

        return await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, expected);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(string? filter, int? top, List<string>? select, string? continuation, CancellationToken cancellationToken)
    {
        if (top is <= 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The page size must be between 1 and 1,000.");
        }

        using var message = CreateMessage(RequestMethod.Get, new Uri(Uri.AbsoluteUri + "()"));
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (select is { Count: > 0 })
        {
            uri.AppendQuery("$select", string.Join(',', select));
        }

        if (top is { } n)
        {
            uri.AppendQuery("$top", n.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuation))
        {
            var (nextPartition, nextRow) = ParseContinuation(continuation);
            uri.AppendQuery("NextPartitionKey", nextPartition);
            if (nextRow is not null)
            {
                uri.AppendQuery("NextRowKey", nextRow);
            }
        }

        var response = await StoragePipeline.SendAsync(_service.Pipeline, message, cancellationToken, 200);
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entities = document.RootElement.TryGetProperty("value", out var value)
            ? value.EnumerateArray().Select(e => TableEntityJson.Read(e)).ToList()
            : [];
        string? next = null;
        if (response.Headers.TryGetValue(ContinuationPartitionHeader, out var partitionToken) && !string.IsNullOrEmpty(partitionToken))
        {
            next = response.Headers.TryGetValue(ContinuationRowHeader, out var rowToken) && !string.IsNullOrEmpty(rowToken)
                ? partitionToken + " " + rowToken
                : partitionToken;
        }

        return Page<TableEntity>.FromValues(entities, next, response);
    }

    private static (string Partition, string? Row) ParseContinuation(string token)
    {
        var parts = token.Split(' ');
        if (parts.Length > 2 || parts[0].Length == 0)
        {
            throw new ArgumentException("The continuation token is not of the form '{NextPartitionKey} {NextRowKey}'.", nameof(token));
        }

        return (parts[0], parts.Length == 2 ? parts[1] : null);
    }

    private static TableEntity ReadEntity(Response response)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        return TableEntityJson.Read(document.RootElement, response.Headers.ETag ?? default);
    }

    private HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _service.Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("Accept", Accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJson(Request request, byte[] json)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(json);
    }

    private static void ValidateTableName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var valid = name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit)
            && !string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new ArgumentException($"Table name '{name}' is invalid: 3-63 ASCII letters or digits, starting with a letter, not 'tables'.", nameof(name));
        }
    }
}
