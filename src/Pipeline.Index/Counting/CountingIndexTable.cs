using System.Globalization;
using System.Text;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index.Tables;

namespace Pipeline.Index.Counting;

/// <summary>An in-memory table with Azure Table Storage's rules for what the index does, counting every request.</summary>
/// <remarks>
/// Enforces the limits the index must respect in Azure: 14 row keys per point filter (15 comparisons), 100 writes per
/// transaction, one write per row, 252 properties and 1 MiB per entity, ETag conditions, 404 on deleting a missing row; a
/// refused write fails its whole transaction. Rows not written here come from an optional <see cref="SyntheticRows"/>
/// source (copied on first write), so the simulation can stand a large stored corpus behind a few real rows.
/// Thread-safe (one lock: it measures, it does not race).
/// </remarks>
public sealed class CountingIndexTable : IIndexTable
{
    /// <summary>Most properties an entity may have besides PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxProperties = 252;

    /// <summary>Most bytes an entity may take.</summary>
    public const int MaxEntityBytes = 1 << 20;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Partition, string Row), Stored> _rows = [];
    private readonly Dictionary<string, long> _byPartition = new(StringComparer.Ordinal);
    private readonly SyntheticRows? _synthetic;
    private long _version;
    private long _requests;
    private long _queries;
    private long _transactions;
    private long _entitiesRead;
    private long _entitiesWritten;
    private long _bytesRead;
    private long _bytesWritten;

    /// <summary>An empty table, or one backed by synthetic rows.</summary>
    public CountingIndexTable(SyntheticRows? synthetic = null) => _synthetic = synthetic;

    /// <summary>Rows written here (synthetic rows are not counted until written).</summary>
    public int StoredRows
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>The traffic so far.</summary>
    public TableTraffic Traffic
    {
        get
        {
            lock (_lock)
            {
                return new TableTraffic(
                    _requests, _queries, _transactions, _entitiesRead, _entitiesWritten, _bytesRead, _bytesWritten,
                    new Dictionary<string, long>(_byPartition, StringComparer.Ordinal));
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TableRow>> ReadRowsAsync(PointRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        if (read.RowKeys.Count is 0 or > PointRead.MaxKeys)
        {
            throw new ArgumentException($"A point filter holds 1 to {PointRead.MaxKeys} row keys (15 comparisons), not {read.RowKeys.Count}.", nameof(read));
        }

        lock (_lock)
        {
            Count(read.Partition, query: true);
            var rows = new List<TableRow>();
            foreach (var key in read.RowKeys.Distinct(StringComparer.Ordinal))
            {
                if (Find(read.Partition, key) is { } row)
                {
                    rows.Add(row);
                }
            }

            return Task.FromResult<IReadOnlyList<TableRow>>(Returned(rows));
        }
    }

    /// <inheritdoc />
    public Task<TableRow?> ReadRowAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Count(partition, query: true);
            var row = Find(partition, rowKey);
            Returned(row is null ? [] : [row]);
            return Task.FromResult(row);
        }
    }

    /// <inheritdoc />
    public Task SubmitAsync(string partition, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        if (writes.Count is 0 or > 100)
        {
            throw new ArgumentException($"A transaction holds 1 to 100 writes, not {writes.Count}.", nameof(writes));
        }

        if (writes.Select(w => w.RowKey).Distinct(StringComparer.Ordinal).Count() != writes.Count)
        {
            throw new ArgumentException("A transaction may write each row once.", nameof(writes));
        }

        lock (_lock)
        {
            Count(partition, query: false);
            _entitiesWritten += writes.Count;
            _bytesWritten += writes.Sum(w => Bytes(w.RowKey, w.Properties));

            // All or nothing: compute every new row first, apply only when none is refused.
            var results = new List<(string Row, Dictionary<string, object?>? Properties)>(writes.Count);
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var current = Current(partition, write.RowKey);
                var (next, status, code) = Apply(current, write);
                if (status != 0)
                {
                    throw new TableWriteRejectedException(i, status, code);
                }

                results.Add((write.RowKey, next));
            }

            foreach (var (row, properties) in results)
            {
                if (properties is null)
                {
                    _rows.Remove((partition, row));
                }
                else
                {
                    _rows[(partition, row)] = new Stored(properties, ++_version);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static (Dictionary<string, object?>? Next, int Status, string? Code) Apply(Stored? current, TableWrite write)
    {
        Dictionary<string, object?> next;
        switch (write.Kind)
        {
            case TableWriteKind.Delete:
                return current is null ? (null, 404, "ResourceNotFound") : (null, 0, null);
            case TableWriteKind.ReplaceIfMatch when current is null:
                return (null, 404, "ResourceNotFound");
            case TableWriteKind.ReplaceIfMatch when !string.Equals(ETagOf(current.Version), write.ETag, StringComparison.Ordinal):
                return (null, 412, "UpdateConditionNotSatisfied");
            case TableWriteKind.Merge:
                next = current is null ? new(StringComparer.Ordinal) : new(current.Properties, StringComparer.Ordinal);
                foreach (var (name, value) in write.Properties)
                {
                    next[name] = value;
                }

                break;
            default:
                next = new(write.Properties, StringComparer.Ordinal);
                break;
        }

        if (next.Count > MaxProperties)
        {
            return (null, 400, "TooManyProperties");
        }

        return Bytes(write.RowKey, next) > MaxEntityBytes ? (null, 400, "EntityTooLarge") : (next, 0, null);
    }

    private static string ETagOf(long version) => string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");

    // JSON as sent over the wire, roughly: names and string values as UTF-8, binary as base64, plus odata overhead.
    private static long Bytes(string rowKey, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        long bytes = 120 + rowKey.Length;
        foreach (var (name, value) in properties)
        {
            bytes += name.Length + 6 + value switch
            {
                string s => Encoding.UTF8.GetByteCount(s),
                byte[] b => (b.Length + 2) / 3 * 4 + 30,
                bool => 5,
                _ => 20,
            };
        }

        return bytes;
    }

    private Stored? Current(string partition, string rowKey)
    {
        if (_rows.TryGetValue((partition, rowKey), out var stored))
        {
            return stored;
        }

        return _synthetic?.Invoke(partition, rowKey) is { } properties
            ? new Stored(new Dictionary<string, object?>(properties, StringComparer.Ordinal), 0)
            : null;
    }

    private TableRow? Find(string partition, string rowKey) =>
        Current(partition, rowKey) is { } stored ? new TableRow(partition, rowKey, ETagOf(stored.Version), stored.Properties) : null;

    private void Count(string partition, bool query)
    {
        _requests++;
        if (query)
        {
            _queries++;
        }
        else
        {
            _transactions++;
        }

        _byPartition[partition] = _byPartition.GetValueOrDefault(partition) + 1;
    }

    private List<TableRow> Returned(List<TableRow> rows)
    {
        _entitiesRead += rows.Count;
        _bytesRead += rows.Sum(r => Bytes(r.RowKey, r.Properties) + r.PartitionKey.Length);
        return rows;
    }

    private sealed record Stored(Dictionary<string, object?> Properties, long Version);
}
