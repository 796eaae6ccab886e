using System.Text;

namespace Pipeline.Storage.Tables;

/// <summary>Splits any list of actions into valid transactions: one partition, ≤ 100 actions, ≤ 4 MiB, each entity at most once.</summary>
public static class TableTransactionBatches
{
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
                var size = PerActionOverhead + (action.ActionType == TableTransactionActionType.Delete
                    ? 0
                    : TableEntityJson.Serialize(action.Entity).Length)
                    + (Encoding.UTF8.GetByteCount(action.Entity.PartitionKey + action.Entity.RowKey) * 9L); // worst-case percent-encoding in the URL
                var full = current.Count == TableLimits.MaxBatchOperations
                    || bytes + size > TableLimits.MaxBatchBytes - PerActionOverhead
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
}
