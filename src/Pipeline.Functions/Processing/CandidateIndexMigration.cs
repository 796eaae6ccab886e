using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>After <c>Pipeline:CandidateIndex</c> changes on storage in use, indexes every article again for the kind in
/// use, from its normalized record: nothing is normalized or aligned again, so metadata, records and alignments stay.</summary>
/// <remarks>
/// Without this, articles indexed by the other kind could not be found by new articles. A marker row says when every
/// article has been seen indexed for the kind in use, so a start with nothing to do costs one point read (a Flex
/// instance starts often). Idempotent: instances starting together may each index an article, with the same result.
/// An article whose record is missing or stale is left to its own NormalizeArticle, which indexes it anyway.
/// </remarks>
internal sealed partial class CandidateIndexMigration(
    PipelineStorage storage, PostingStore postings, ArticleStore articles, ILogger<CandidateIndexMigration> logger)
{
    // Articles indexed at once: each is a few dozen requests in flight at most, beside the triggers' own work.
    private const int Parallelism = 8;

    /// <summary>Indexes again the articles indexed for the other kind; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await postings.IsIndexedForThisKindAsync(cancellationToken))
        {
            return 0;
        }

        var indexed = 0;
        await Parallel.ForEachAsync(
            await postings.IndexedForTheOtherKindAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (name, ct) =>
            {
                if (await articles.ReadRecordAsync(name, ct) is { } record
                    && ETags.Same(await storage.SourceETagAsync(name, ct), record.SourceETag))
                {
                    await postings.IndexAsync(record, ct);
                    Interlocked.Increment(ref indexed);
                }
            });

        // Rows written meanwhile by instances still on the other kind (a deployment rolling over) are caught by checking
        // again before the marker says all is done.
        if ((await postings.IndexedForTheOtherKindAsync(cancellationToken)).Count == 0)
        {
            await postings.MarkIndexedForThisKindAsync(cancellationToken);
        }

        if (indexed > 0)
        {
            LogIndexed(logger, indexed);
        }

        return indexed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} articles again for the candidate index in use (Pipeline:CandidateIndex changed)")]
    private static partial void LogIndexed(ILogger logger, int count);
}
