using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Pipeline.Functions.Storage;

/// <summary>Splits any list of actions into valid entity-group transactions: one partition, ≤ 100 actions, ≤ 4 MiB, each entity at most once.</summary>
/// <remarks>The official client sends whatever it is given and the service refuses the whole batch when a limit is passed,
/// so the split happens here. https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions</remarks>
internal static class TableTransactionBatches
{
    /// <summary>Most actions in one transaction.</summary>
    public const int MaxActions = 100;

    /// <summary>Largest transaction payload.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    // The multipart envelope per action (boundaries, headers, the URL) stays well under this.
    private const int PerActionOverhead = 2048;

    /// <summary>Groups by PartitionKey (first-seen order, actions keep their order) and cuts each group into batches within the limits.
    /// A repeated RowKey starts a new batch so the later action still applies after the earlier one.</summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var batches = new List<IReadOnlyList<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var current = new List<TableTransactionAction>();
            var rows = new HashSet<string>(StringComparer.Ordinal);
            long bytes = 0;
            foreach (var action in partition)
            {
                var size = SizeOf(action);
                var full = current.Count == MaxActions
                    || bytes + size > MaxBytes - PerActionOverhead
                    || rows.Contains(action.Entity.RowKey);
                if (full && current.Count > 0)
                {
                    batches.Add(current);
                    current = [];
                    rows.Clear();
                    bytes = 0;
                }

                current.Add(action);
                rows.Add(action.Entity.RowKey);
                bytes += size;
            }

            if (current.Count > 0)
            {
                batches.Add(current);
            }
        }

        return batches;
    }

    /// <summary>An upper bound on the bytes one action adds to the request.</summary>
    public static long SizeOf(TableTransactionAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var body = action.ActionType == TableTransactionActionType.Delete || action.Entity is not IDictionary<string, object> properties
            ? 0
            : JsonSerializer.SerializeToUtf8Bytes(properties).Length;

        // The keys also appear in the request URL, percent-encoded at worst 9 bytes per character.
        return PerActionOverhead + body + (Encoding.UTF8.GetByteCount(action.Entity.PartitionKey + action.Entity.RowKey) * 9L);
    }
}
