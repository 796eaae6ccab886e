using System.Globalization;
using System.Security.Cryptography;
using Pipeline.Core.Articles;
using Pipeline.Core.Duplicates;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>The NormalizeArticle function: reads an uploaded article, indexes it and writes its normalized record and status.</summary>
/// <remarks>
/// Order matters for concurrent uploads: postings are written before the normalized record, so by the time the record's own
/// AlignArticle runs, any article aligning concurrently can already find this one through the index.
/// </remarks>
internal sealed partial class NormalizeArticleHandler(
    PipelineStorage storage,
    ArticleStore articles,
    PostingStore postings,
    ArticleRemoval removal,
    PipelineOptions options,
    ILogger<NormalizeArticleHandler> logger)
{
    /// <summary>Processes one article version; returns a line for the invocation log. Throws on failures worth retrying.</summary>
    public async Task<string> HandleAsync(ArticleBlob blob, CancellationToken cancellationToken = default)
    {
        var outlet = Outlet.Of(blob.Name, blob.Metadata);
        if (BlobNames.Problem(blob.Name) is { } problem)
        {
            // No URL reaches such a blob, so it can be neither read nor checked again: say so once instead of retrying.
            await articles.PutAsync(
                new ArticleRow(blob.Name, outlet, null, ArticleStatus.Rejected, $"unaddressable-name: {problem} Upload it under another name.", 0, 0, DateTimeOffset.UtcNow, ETags.Normalize(blob.ETag), null, null),
                cancellationToken);
            LogRejected(logger, blob.Name, "unaddressable-name", problem);
            return $"Rejected {blob.Name}: unaddressable-name: {problem}";
        }

        if (blob.Length is { } length && length > options.MaxArticleBytes)
        {
            // Not read, so nothing has shown this version current yet.
            return await IsCurrentAsync(blob, cancellationToken)
                ? await RejectAsync(blob, outlet, "too-large", $"The article is {length} bytes; the limit is {options.MaxArticleBytes} bytes (Pipeline:MaxArticleBytes).", cancellationToken)
                : Stale(blob);
        }

        // Read on condition of this version: null means a newer version exists or it was deleted.
        if (await blob.ReadAsync(cancellationToken) is not { } content)
        {
            return Stale(blob);
        }

        if (content.LongLength > options.MaxArticleBytes)
        {
            return await RejectAsync(blob, outlet, "too-large", $"The article is {content.LongLength} bytes; the limit is {options.MaxArticleBytes} bytes (Pipeline:MaxArticleBytes).", cancellationToken);
        }

        var read = ArticleReader.Read(blob.Name, content);
        if (read.Article is not { } article)
        {
            var rejection = read.Rejection;
            return await RejectAsync(blob, outlet, rejection?.Code ?? "unreadable", rejection?.Message ?? "The article could not be read.", cancellationToken);
        }

        var signature = ArticleSignature.Of(article);
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));
        var metadata = ArticleMetadata.From(blob.Metadata);
        var record = new NormalizedRecord(blob.Name, outlet, ETags.Normalize(blob.ETag), contentHash, signature, article)
        {
            Title = metadata.Title,
            Url = metadata.Url,
            Published = metadata.Published,
            Uploaded = blob.Uploaded,
        };
        var oldSignature = await postings.IndexAsync(record, cancellationToken);

        // The status row (with the new content hash) goes before the record: an aligner that still reads the old record
        // then sees its rows as stale and sweeps them, and the record's own AlignArticle redoes the pair.
        var previous = await articles.GetAsync(blob.Name, cancellationToken);
        await articles.PutAsync(
            new ArticleRow(blob.Name, outlet, metadata.Title ?? article.Title, ArticleStatus.Normalized, null, article.Passages.Count,
                previous?.Alignments ?? 0, DateTimeOffset.UtcNow, record.SourceETag, contentHash, null)
            {
                Url = metadata.Url,
                Published = metadata.Published,
                Uploaded = blob.Uploaded,
                Warning = Note(metadata),
            },
            cancellationToken);
        await articles.WriteRecordAsync(record, cancellationToken);

        if (oldSignature is not null)
        {
            await removal.RetriggerSignatureGroupAsync(oldSignature, blob.Name, cancellationToken);
        }

        LogNormalized(logger, blob.Name, article.Passages.Count, article.Tokens.Count);
        return string.Create(CultureInfo.InvariantCulture, $"Normalized {blob.Name}: {article.Passages.Count} passages, {article.Tokens.Count} tokens.");
    }

    // Unusable metadata does not stop an article; the status row says what was ignored.
    private static string? Note(ArticleMetadata metadata) => metadata.Problems.Count == 0 ? null : string.Join("; ", metadata.Problems);

    private async Task<bool> IsCurrentAsync(ArticleBlob blob, CancellationToken cancellationToken)
    {
        var current = await storage.SourceETagAsync(blob.Name, cancellationToken);
        return current is not null && ETags.Same(current, blob.ETag);
    }

    private string Stale(ArticleBlob blob)
    {
        LogStale(logger, blob.Name, blob.ETag);
        return $"Skipped {blob.Name}: a newer version exists or it was deleted.";
    }

    // Called once the version is known to be current: read on condition of it, or checked.
    private async Task<string> RejectAsync(ArticleBlob blob, string outlet, string code, string message, CancellationToken cancellationToken)
    {
        await articles.PutAsync(
            new ArticleRow(blob.Name, outlet, null, ArticleStatus.Rejected, $"{code}: {message}", 0, 0, DateTimeOffset.UtcNow, ETags.Normalize(blob.ETag), null, null),
            cancellationToken);
        await removal.RemoveDerivedAsync(blob.Name, cancellationToken);
        LogRejected(logger, blob.Name, code, message);
        return $"Rejected {blob.Name}: {code}: {message}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Normalized {Name}: {Passages} passages, {Tokens} tokens")]
    private static partial void LogNormalized(ILogger logger, string name, int passages, int tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Name}: {Code}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string name, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name} ({ETag}): a newer version exists or it was deleted")]
    private static partial void LogStale(ILogger logger, string name, string etag);
}
