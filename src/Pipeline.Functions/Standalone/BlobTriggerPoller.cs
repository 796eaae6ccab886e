using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Standalone;

/// <summary>Runs both blob triggers without a Functions host: scans the containers, keeps receipts, retries, poisons, removes deleted.</summary>
internal sealed partial class BlobTriggerPoller(
    PipelineStorage storage,
    ReceiptStore receipts,
    ArticleStore articles,
    PostingStore postings,
    NormalizeArticleHandler normalize,
    AlignArticleHandler align,
    ArticleRemoval removal,
    CandidateIndexMigration migration,
    PipelineOptions options,
    TimeProvider time,
    ILogger<BlobTriggerPoller> logger) : BackgroundService
{
    private sealed record ListedBlob(string Name, string ETag, long? Length, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset? Uploaded = null);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, options.PollIntervalSeconds, options.MaxParallelism);
        var indexChecked = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                // A failed check must not hold up scanning (a missing table is also what the scan's retries report); it is tried again next time.
                indexChecked = indexChecked || await TryReindexUnindexedAsync(stoppingToken);
                more = await PollOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must survive any failure of one scan (storage restarting, a bad row); the next scan retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogScanFailed(logger, e.Message);
            }

            try
            {
                // A backlog is worked off scan after scan without waiting; an idle app polls at the interval.
                if (!more)
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.PollIntervalSeconds), time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Indexes again, in place, the articles indexed for the other kind of candidate index; then normalizes again
    /// every article that was normalized but has no candidate-index row.</summary>
    /// <remarks>
    /// Storage written by a version with another index layout (before 22 Nov 2026, one row per shingle) holds
    /// normalized articles that new articles could never find. Dropping their receipts makes the next scans normalize
    /// them again, which is idempotent and writes the index row; their alignments stay until they are recomputed.
    /// </remarks>
    /// <returns>Whether the check completed; a failure is logged and the check is left for the next scan.</returns>
    private async Task<bool> TryReindexUnindexedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migration.RunAsync(cancellationToken);
            var indexed = await postings.IndexedArticlesAsync(cancellationToken);
            var missing = (await articles.AllAsync(cancellationToken))
                .Where(row => row.ContentHash is not null && !indexed.Contains(row.Name))
                .Select(row => row.Name)
                .ToList();
            foreach (var name in missing)
            {
                await receipts.DeleteAsync(PipelineStorage.ArticlesContainerName, name, cancellationToken);
            }

            if (missing.Count > 0)
            {
                LogReindex(logger, missing.Count);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any storage failure here only postpones the check; scanning goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReindexCheckFailed(logger, e.Message);
            return false;
        }
    }

    /// <summary>One scan of both containers: articles first, so records written now align in the same scan.</summary>
    /// <remarks>Each container's scan handles at most <see cref="BatchSize"/> due blobs, so a large upload starts
    /// aligning (and showing results) after its first batch instead of after the whole backlog is normalized.</remarks>
    /// <returns>Whether due blobs were left for the next scan.</returns>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var listed = await ListAsync(storage.Articles, cancellationToken);
        var seen = await articles.AllAsync(cancellationToken);
        var seenNames = seen.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        await articles.AddPendingAsync(
            listed.Where(b => !seenNames.Contains(b.Name)).Select(b => (b.Name, Outlet.Of(b.Name, b.Metadata), ETags.Normalize(b.ETag))),
            cancellationToken);
        var moreArticles = await ScanAsync(
            PipelineStorage.ArticlesContainerName,
            listed,
            (blob, ct) => normalize.HandleAsync(
                new ArticleBlob(blob.Name, blob.ETag, blob.Length, blob.Metadata, c => ArticleBlob.ReadVersionAsync(storage.Articles.GetBlobClient(blob.Name), new ETag(blob.ETag), c))
                {
                    Uploaded = blob.Uploaded,
                },
                ct),
            cancellationToken);

        // Articles that disappeared: receipts or status rows without a blob.
        var names = listed.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var known = (await receipts.AllAsync(PipelineStorage.ArticlesContainerName, cancellationToken)).Keys
            .Concat(seen.Select(r => r.Name))
            .Distinct(StringComparer.Ordinal);
        foreach (var gone in known.Where(n => !names.Contains(n)))
        {
            if (await storage.SourceETagAsync(gone, cancellationToken) is null)
            {
                LogDeleted(logger, gone);
                await removal.RemoveAsync(gone, cancellationToken);
            }
        }

        var records = await ListAsync(storage.Normalized, cancellationToken);
        var moreRecords = await ScanAsync(PipelineStorage.NormalizedContainerName, records, (blob, ct) => align.HandleAsync(blob.Name, null, ct), cancellationToken);
        var recordNames = records.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in (await receipts.AllAsync(PipelineStorage.NormalizedContainerName, cancellationToken)).Keys.Where(n => !recordNames.Contains(n)))
        {
            await receipts.DeleteAsync(PipelineStorage.NormalizedContainerName, gone, cancellationToken);
        }

        return moreArticles || moreRecords;
    }

    private int BatchSize => Math.Max(1, options.MaxParallelism) * 8;

    /// <summary>Processes up to <see cref="BatchSize"/> due blobs; returns whether more were due.</summary>
    private async Task<bool> ScanAsync(string container, IReadOnlyList<ListedBlob> blobs, Func<ListedBlob, CancellationToken, Task<string>> process, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var done = await receipts.AllAsync(container, cancellationToken);
        var due = blobs.Where(blob =>
            !done.TryGetValue(blob.Name, out var receipt)
            || !ETags.Same(receipt.ETag, blob.ETag)
            || (receipt.State == Receipt.Retry && (receipt.NextAttempt ?? now) <= now)).ToList();
        if (due.Count == 0)
        {
            return false;
        }

        // Receipts of blobs done are written together after the batch, a transaction per 100 instead of a request each.
        // A process stopped before that processes those blobs again on its next scan, which every handler allows.
        var processed = new System.Collections.Concurrent.ConcurrentBag<Receipt>();
        await Parallel.ForEachAsync(
            due.Take(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = cancellationToken },
            async (blob, ct) =>
            {
                var previous = done.GetValueOrDefault(blob.Name);
                var attempts = previous is not null && ETags.Same(previous.ETag, blob.ETag) ? previous.Attempts : 0;
                try
                {
                    var line = await process(blob, ct);
                    LogProcessed(logger, container, line);
                    var receipt = new Receipt(container, blob.Name, ETags.Normalize(blob.ETag), Receipt.Done, 0, null, null);
                    if (attempts > 0 || previous?.State == Receipt.Poisoned)
                    {
                        await receipts.PutAsync(receipt, ct);
                        await receipts.ClearPoisonAsync(container, blob.Name, ct);
                    }
                    else
                    {
                        processed.Add(receipt);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // One failing blob must never stop the others; the failure is recorded and retried.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    await RecordFailureAsync(container, blob, attempts + 1, e, ct);
                }
            });
        await receipts.PutManyAsync(processed, cancellationToken);
        return due.Count > BatchSize;
    }

    private async Task RecordFailureAsync(string container, ListedBlob blob, int attempts, Exception error, CancellationToken cancellationToken)
    {
        var message = $"{error.GetType().Name}: {error.Message}";
        if (attempts < options.MaxAttempts)
        {
            var delay = Math.Min(options.MaxBackoffSeconds, Math.Pow(2, attempts - 1));
            LogRetry(logger, container, blob.Name, attempts, options.MaxAttempts, message);
            await receipts.PutAsync(new Receipt(container, blob.Name, ETags.Normalize(blob.ETag), Receipt.Retry, attempts, message, time.GetUtcNow().AddSeconds(delay)), cancellationToken);
            return;
        }

        LogPoisoned(logger, container, blob.Name, attempts, message);
        var receipt = new Receipt(container, blob.Name, ETags.Normalize(blob.ETag), Receipt.Poisoned, attempts, message, null);
        await receipts.PoisonAsync(receipt, cancellationToken);
        await receipts.PutAsync(receipt, cancellationToken);
        var article = await articles.GetAsync(blob.Name, cancellationToken);
        await articles.PutAsync(
            new ArticleRow(blob.Name, article?.Outlet ?? Outlet.Of(blob.Name, blob.Metadata), article?.Title, ArticleStatus.Failed,
                $"{container}: failed {attempts} times: {message}", article?.Passages ?? 0, article?.Alignments ?? 0, time.GetUtcNow(),
                container == PipelineStorage.ArticlesContainerName ? ETags.Normalize(blob.ETag) : article?.SourceETag,
                article?.ContentHash, article?.DuplicateOf) { Url = article?.Url, Published = article?.Published },
            cancellationToken);
    }

    private static async Task<IReadOnlyList<ListedBlob>> ListAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var result = new List<ListedBlob>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken))
        {
            IReadOnlyDictionary<string, string> metadata = item.Metadata is { } m ? new Dictionary<string, string>(m, StringComparer.OrdinalIgnoreCase) : new Dictionary<string, string>();
            result.Add(new ListedBlob(item.Name, item.Properties.ETag?.ToString() ?? string.Empty, item.Properties.ContentLength, metadata, item.Properties.LastModified));
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Standalone blob triggers running: scanning 'articles' and 'normalized' every {Seconds}s, {Parallelism} at a time")]
    private static partial void LogStarted(ILogger logger, double seconds, int parallelism);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scan failed and is retried on the next interval: {Error}")]
    private static partial void LogScanFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Container}: {Line}")]
    private static partial void LogProcessed(ILogger logger, string container, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Container}/{Name} failed (attempt {Attempt} of {MaxAttempts}), retrying: {Error}")]
    private static partial void LogRetry(ILogger logger, string container, string name, int attempt, int maxAttempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Container}/{Name} failed {Attempts} times and is poisoned: {Error}")]
    private static partial void LogPoisoned(ILogger logger, string container, string name, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up check for unindexed articles failed and is tried again before the next scan: {Error}")]
    private static partial void LogReindexCheckFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} normalized articles have no candidate-index row (stored by an older version?): normalizing them again")]
    private static partial void LogReindex(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Name} was deleted; removing its rows")]
    private static partial void LogDeleted(ILogger logger, string name);
}
