namespace Pipeline.Core.Candidates.Sharding;

/// <summary>One table query: a partition and at most <see cref="MaxKeys"/> row keys, read with one point filter.</summary>
/// <param name="Partition">The partition key.</param>
/// <param name="RowKeys">The row keys, at most <see cref="MaxKeys"/>.</param>
public sealed record PointRead(string Partition, IReadOnlyList<string> RowKeys)
{
    /// <summary>Table filters allow 15 comparisons: one for the partition, 14 for row keys.</summary>
    public const int MaxKeys = 14;

    /// <summary>Groups hashes by partition and splits each group into reads of at most <paramref name="maxKeys"/> rows.</summary>
    /// <remarks>Fewest requests for the set: a partition's keys are packed before the next partition starts.</remarks>
    public static IReadOnlyList<PointRead> Plan(IEnumerable<ulong> hashes, int buckets, int maxKeys = MaxKeys)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxKeys, MaxKeys);
        var reads = new List<PointRead>();
        foreach (var group in hashes.Distinct().GroupBy(h => ShardKeys.Partition(h, buckets)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Select(ShardKeys.ShingleRow).Order(StringComparer.Ordinal).Chunk(maxKeys))
            {
                reads.Add(new PointRead(group.Key, chunk));
            }
        }

        return reads;
    }
}
