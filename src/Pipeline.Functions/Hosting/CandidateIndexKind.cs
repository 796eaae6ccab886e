namespace Pipeline.Functions.Hosting;

/// <summary>Where AlignArticle looks candidates up (setting <c>Pipeline:CandidateIndex</c>).</summary>
internal enum CandidateIndexKind
{
    /// <summary>Each process keeps an in-memory copy of every article's index row (table <c>postings</c>) and refreshes it
    /// before each search: a few requests per article, but memory and a cold start's reads grow with the corpus
    /// (about 4.6 KiB per article). For local runs and corpora up to some tens of thousands of articles.</summary>
    Mirror,

    /// <summary>Posting rows sharded by shingle hash in table <c>candidates</c> (<c>Pipeline.Index</c>): no process holds
    /// the index, a cold instance reads only what its first article needs, and requests per article depend on the
    /// article's length, not the corpus (about 220 with point reads). For deployments at scale.</summary>
    Sharded,
}
