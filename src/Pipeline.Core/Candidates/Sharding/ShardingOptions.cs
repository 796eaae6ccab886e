namespace Pipeline.Core.Candidates.Sharding;

/// <summary>How the storage-backed candidate index lays out and samples postings.</summary>
/// <param name="Buckets">Hash-bucket partitions the posting rows are spread over. Each article reads and writes about one
/// request per bucket, so fewer buckets mean fewer requests; more than 8 keep any one partition under 1/8 of the traffic.</param>
/// <param name="QueryStride">A lookup reads every <c>QueryStride</c>-th of the article's shingles. Every shingle is stored,
/// so any shared run holding <c>QueryStride</c> consecutive stored shingles (see <see cref="Fingerprint"/>) is found.</param>
/// <param name="MaxShinglesPerArticle">Stored shingles per article at most (the manifest row's size bound); longer
/// articles are indexed by their first shingles.</param>
/// <param name="CommonCacheSize">Shingle hashes known to be common that one process remembers (bounded memory).</param>
public sealed record ShardingOptions(
    int Buckets = 10,
    int QueryStride = 4,
    int MaxShinglesPerArticle = 40_000,
    int CommonCacheSize = 65_536)
{
    /// <summary>The defaults.</summary>
    public static ShardingOptions Default { get; } = new();

    /// <summary>Shingles to give the index: every shingle (window 1), since sampling happens at lookup.</summary>
    /// <remarks>Four-word shingles as in <see cref="FingerprintOptions.Default"/>; winnowing would thin the stored side too and
    /// break the stride guarantee.</remarks>
    public static FingerprintOptions Fingerprint { get; } = new(ShingleLength: 4, Window: 1);
}
