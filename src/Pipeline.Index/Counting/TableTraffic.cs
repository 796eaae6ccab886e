namespace Pipeline.Index.Counting;

/// <summary>What a <see cref="CountingIndexTable"/> was asked to do: requests (each billed as one storage transaction),
/// entities and approximate wire bytes, and requests per partition.</summary>
/// <param name="Requests">Requests of any kind.</param>
/// <param name="Queries">Point-filter queries and single-row reads.</param>
/// <param name="Transactions">Entity-group transactions (including refused ones).</param>
/// <param name="EntitiesRead">Rows returned.</param>
/// <param name="EntitiesWritten">Writes inside transactions (what a partition's entities/s target counts).</param>
/// <param name="BytesRead">Approximate JSON bytes of the rows returned.</param>
/// <param name="BytesWritten">Approximate JSON bytes of the writes sent.</param>
/// <param name="ByPartition">Requests per partition key.</param>
public sealed record TableTraffic(
    long Requests,
    long Queries,
    long Transactions,
    long EntitiesRead,
    long EntitiesWritten,
    long BytesRead,
    long BytesWritten,
    IReadOnlyDictionary<string, long> ByPartition)
{
    /// <summary>No traffic.</summary>
    public static TableTraffic None { get; } = new(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>());

    /// <summary>The partition with the most requests and its share of all requests (0 when there were none).</summary>
    public (string Partition, double Share) Hottest()
    {
        if (Requests == 0 || ByPartition.Count == 0)
        {
            return ("", 0);
        }

        var top = ByPartition.MaxBy(p => p.Value);
        return (top.Key, (double)top.Value / Requests);
    }

    /// <summary>The traffic between an earlier snapshot and this one.</summary>
    public TableTraffic Since(TableTraffic earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var byPartition = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (partition, count) in ByPartition)
        {
            var delta = count - earlier.ByPartition.GetValueOrDefault(partition);
            if (delta != 0)
            {
                byPartition[partition] = delta;
            }
        }

        return new TableTraffic(
            Requests - earlier.Requests,
            Queries - earlier.Queries,
            Transactions - earlier.Transactions,
            EntitiesRead - earlier.EntitiesRead,
            EntitiesWritten - earlier.EntitiesWritten,
            BytesRead - earlier.BytesRead,
            BytesWritten - earlier.BytesWritten,
            byPartition);
    }
}
