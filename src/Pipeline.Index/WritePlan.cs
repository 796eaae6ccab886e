using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index.Tables;

namespace Pipeline.Index;

/// <summary>Turns an article's postings into transactions: one per partition (more only past 100 writes), with the
/// manifest's partition last and the manifest as its last write, so a manifest on record means every posting is.</summary>
internal static class WritePlan
{
    public const int MaxWrites = 100;

    /// <summary>Batches of writes per partition, in submission order.</summary>
    /// <param name="postings">Row key and property value per shingle hash (a posting, or a tombstone).</param>
    /// <param name="property">The article's posting property name.</param>
    /// <param name="manifestPartition">Where the manifest write goes.</param>
    /// <param name="manifest">The manifest write (a replace, or a delete on removal), or null.</param>
    /// <param name="buckets">Partitions in use.</param>
    public static IReadOnlyList<(string Partition, IReadOnlyList<TableWrite> Writes)> Batches(
        IEnumerable<(ulong Hash, string Value)> postings,
        string property,
        string manifestPartition,
        TableWrite? manifest,
        int buckets)
    {
        var byPartition = new SortedDictionary<string, List<TableWrite>>(StringComparer.Ordinal);
        foreach (var (hash, value) in postings)
        {
            var partition = ShardKeys.Partition(hash, buckets);
            if (!byPartition.TryGetValue(partition, out var writes))
            {
                byPartition[partition] = writes = [];
            }

            writes.Add(TableWrite.Merge(ShardKeys.ShingleRow(hash), new Dictionary<string, object?>(1, StringComparer.Ordinal) { [property] = value }));
        }

        var batches = new List<(string, IReadOnlyList<TableWrite>)>();
        List<TableWrite>? last = null;
        foreach (var (partition, writes) in byPartition)
        {
            if (string.Equals(partition, manifestPartition, StringComparison.Ordinal))
            {
                last = writes;
                continue;
            }

            batches.AddRange(writes.Chunk(MaxWrites).Select(c => (partition, (IReadOnlyList<TableWrite>)c)));
        }

        if (manifest is not null)
        {
            (last ??= []).Add(manifest);
        }

        if (last is not null)
        {
            // Chunks from the end so the manifest rides in the final transaction.
            var chunks = last.Chunk(MaxWrites).ToList();
            batches.AddRange(chunks.Select(c => (manifestPartition, (IReadOnlyList<TableWrite>)c)));
        }

        return batches;
    }
}
