using System.Text;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Index.Tables;

/// <summary>The index table over Azure Table Storage (or Azurite) through the official <see cref="TableClient"/>.</summary>
public sealed class AzureIndexTable : IIndexTable
{
    private static readonly HashSet<string> s_systemProperties = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    private readonly TableClient _client;

    /// <summary>Wraps a client for the index's table (create the table first, e.g. with <see cref="CreateIfNotExistsAsync"/>).</summary>
    public AzureIndexTable(TableClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Creates the table when missing.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        await _client.CreateIfNotExistsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<TableRow>> ReadRowsAsync(PointRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var rows = new List<TableRow>(read.RowKeys.Count);
        await foreach (var entity in _client.QueryAsync<TableEntity>(Filter(read), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows.Add(ToRow(entity));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<TableRow?> ReadRowAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await _client.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToRow(entity) : null;
    }

    /// <inheritdoc />
    public async Task SubmitAsync(string partition, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var actions = writes.Select(w => ToAction(partition, w)).ToList();
        try
        {
            await _client.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e)
        {
            throw new TableWriteRejectedException(e.FailedTransactionActionIndex ?? -1, e.Status, e.ErrorCode, e);
        }
        catch (RequestFailedException e)
        {
            throw new TableWriteRejectedException(-1, e.Status, e.ErrorCode, e);
        }
    }

    /// <summary>The point filter: <c>PartitionKey eq 'p' and (RowKey eq 'a' or ...)</c>, 15 comparisons at most.</summary>
    internal static string Filter(PointRead read)
    {
        var filter = new StringBuilder("PartitionKey eq '").Append(Quote(read.Partition)).Append("' and (");
        for (var i = 0; i < read.RowKeys.Count; i++)
        {
            filter.Append(i == 0 ? "RowKey eq '" : " or RowKey eq '").Append(Quote(read.RowKeys[i])).Append('\'');
        }

        return filter.Append(')').ToString();
    }

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private static TableTransactionAction ToAction(string partition, TableWrite write)
    {
        var entity = new TableEntity(partition, write.RowKey);
        foreach (var (name, value) in write.Properties)
        {
            entity[name] = value;
        }

        return write.Kind switch
        {
            TableWriteKind.Merge => new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity),
            TableWriteKind.Replace => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity),
            TableWriteKind.ReplaceIfMatch => new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(write.ETag ?? "*")),
            TableWriteKind.Delete => new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All),
            _ => throw new ArgumentOutOfRangeException(nameof(write), write.Kind, "unknown write kind"),
        };
    }

    private static TableRow ToRow(TableEntity entity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (!s_systemProperties.Contains(name))
            {
                properties[name] = value is BinaryData data ? data.ToArray() : value;
            }
        }

        return new TableRow(entity.PartitionKey, entity.RowKey, entity.ETag.ToString(), properties);
    }
}
