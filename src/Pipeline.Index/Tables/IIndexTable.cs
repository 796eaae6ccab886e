using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Index.Tables;

/// <summary>The few table operations the sharded candidate index needs; one call is one storage request.</summary>
/// <remarks>Small on purpose, so the same index code runs over Azure Table Storage (<see cref="AzureIndexTable"/>) and over
/// the in-memory request-counting table the scale simulation uses (<see cref="Counting.CountingIndexTable"/>).</remarks>
public interface IIndexTable
{
    /// <summary>Reads the existing rows among a partition's row keys with one point-filter query (absent rows are left out).</summary>
    Task<IReadOnlyList<TableRow>> ReadRowsAsync(PointRead read, CancellationToken cancellationToken);

    /// <summary>Reads one row, or null when it does not exist.</summary>
    Task<TableRow?> ReadRowAsync(string partition, string rowKey, CancellationToken cancellationToken);

    /// <summary>Applies writes to one partition atomically as one entity-group transaction (at most 100, one per row).</summary>
    /// <exception cref="TableWriteRejectedException">The transaction failed as a whole because of one write.</exception>
    Task SubmitAsync(string partition, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken);
}
