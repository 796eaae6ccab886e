namespace Pipeline.Core.Candidates.Sharding;

/// <summary>How the storage-backed candidate index lays out and samples postings.</summary>
/// <param name="Buckets">Hash-bucket partitions the posting rows are spread over. Indexing an article writes one
/// transaction per bucket, so fewer buckets mean fewer requests; more buckets spread the entities/s over more partitions
/// (Azure's target is about 2,000 per partition); more than 8 keep any one partition under 1/8 of the traffic.</param>
/// <param name="RowsPerRead">Rows a lookup asks for per request. 1 (the default) reads each row with a point GET, which
/// Azure serves from the index in constant time. Up to 14 packs rows of one partition into one
/// <c>PartitionKey eq .. and (RowKey eq .. or ..)</c> query: far fewer requests, but Azure's table design guide says such
/// an "or" of row keys is served as a scan of the partition, whose cost grows with the corpus, and Azurite measured
/// 37 ms per such query against 0.6 ms per GET (docs/scale.md).</param>
/// <param name="QueryStride">A lookup reads every <c>QueryStride</c>-th of the article's shingles. Every shingle is stored,
/// so any shared run holding <c>QueryStride</c> consecutive stored shingles (see <see cref="Fingerprint"/>) is found.</param>
/// <param name="MaxShinglesPerArticle">Stored shingles per article at most (the manifest row's size bound); longer
/// articles are indexed by their first shingles.</param>
/// <param name="CommonCacheSize">Shingle hashes known to be common that one process remembers (bounded memory).</param>
public sealed record ShardingOptions(
    int Buckets = 16,
    int RowsPerRead = 1,
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
