namespace Pipeline.Bench.Scale;

/// <summary>What one simulated corpus size measured, per measured article unless said otherwise.</summary>
internal sealed record SizeResult(
    long StoredArticles,
    int Buckets,
    int RowsPerRead,
    int Articles,
    double Requests,
    double LookupRequests,
    double IndexRequests,
    int P95Requests,
    int MaxRequests,
    double EntitiesRead,
    double EntitiesWritten,
    double BytesRead,
    double WorstCaseBytesRead,
    string HottestPartition,
    double HottestShare,
    long ColdBytes,
    double Candidates,
    int CachedCommon,
    double AllocatedBytes,
    double Seconds);
