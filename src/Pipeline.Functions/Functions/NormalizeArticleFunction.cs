using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Functions.Processing;

namespace Pipeline.Functions.Functions;

/// <summary>The NormalizeArticle blob trigger: hands each uploaded article to <see cref="NormalizeArticleHandler"/>.</summary>
/// <remarks>A throw makes the host retry the blob and poison it after <c>poisonBlobThreshold</c> (host.json) attempts.</remarks>
internal sealed partial class NormalizeArticleFunction(NormalizeArticleHandler handler, ILogger<NormalizeArticleFunction> logger)
{
    /// <summary>Runs for every new or changed blob in <c>articles</c>.</summary>
    [Function("NormalizeArticle")]
    public async Task RunAsync(
        [BlobTrigger("articles/{name}", Connection = "AzureWebJobsStorage", Source = TriggerSource.Blobs)] BlobClient article,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var blob = await ArticleBlob.FromClientAsync(article, cancellationToken);
        if (blob is null)
        {
            LogGone(logger, name);
            return;
        }

        LogDone(logger, await handler.HandleAsync(blob, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogDone(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: deleted before it was read")]
    private static partial void LogGone(ILogger logger, string name);
}
