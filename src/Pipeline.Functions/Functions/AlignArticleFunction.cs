using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Functions.Processing;

namespace Pipeline.Functions.Functions;

/// <summary>The AlignArticle blob trigger: hands each normalized record to <see cref="AlignArticleHandler"/>, which reads the record itself.</summary>
internal sealed partial class AlignArticleFunction(AlignArticleHandler handler, ILogger<AlignArticleFunction> logger)
{
    /// <summary>Runs for every new or rewritten record in <c>normalized</c>.</summary>
    [Function("AlignArticle")]
    public async Task RunAsync(
        [BlobTrigger("normalized/{name}", Connection = "AzureWebJobsStorage", Source = TriggerSource.Blobs)] BlobClient record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        LogDone(logger, await handler.HandleAsync(record.Name, null, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogDone(ILogger logger, string line);
}
