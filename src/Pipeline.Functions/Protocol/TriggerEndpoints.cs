using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Protocol;

/// <summary>POST /NormalizeArticle and /AlignArticle: the blob triggers as the Functions host invokes a custom handler.</summary>
/// <remarks>A 2xx answer completes the invocation; a 500 makes the host retry and finally poison the blob.</remarks>
internal static partial class TriggerEndpoints
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/NormalizeArticle", NormalizeAsync).ExcludeFromDescription();
        app.MapPost("/AlignArticle", AlignAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> NormalizeAsync(
        HttpContext context, NormalizeArticleHandler handler, PipelineStorage storage, PipelineOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Base64 inflates by 4/3; the rest of the payload is small.
        var (request, problem) = await ReadAsync(context, (options.MaxArticleBytes * 4 / 3) + (1 << 20), cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (request.MetadataString("name") is not { Length: > 0 } name)
        {
            return Failed(StatusCodes.Status400BadRequest, "The invocation has no Metadata.name.");
        }

        var etag = request.MetadataProperty("Properties", "ETag") ?? await storage.SourceETagAsync(name, cancellationToken) ?? string.Empty;
        var length = long.TryParse(request.MetadataProperty("Properties", "Length") ?? request.MetadataProperty("Properties", "ContentLength"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : (long?)null;
        var metadata = request.MetadataDictionary("Metadata");
        var blob = new ArticleBlob(name, etag, length, metadata, async ct =>
            request.DataBytes("article") ?? (await storage.Articles.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToArray());
        return await RunAsync(() => handler.HandleAsync(blob, cancellationToken), loggers, "NormalizeArticle", name);
    }

    private static async Task<IResult> AlignAsync(
        HttpContext context, AlignArticleHandler handler, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // The record of a large article carries every token, so it is much larger than the article itself.
        var (request, problem) = await ReadAsync(context, 512L << 20, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (request.MetadataString("name") is not { Length: > 0 } name)
        {
            return Failed(StatusCodes.Status400BadRequest, "The invocation has no Metadata.name.");
        }

        NormalizedRecord? record = null;
        if (request.DataBytes("record") is { } bytes)
        {
            try
            {
                record = NormalizedRecord.Parse(bytes);
            }
            catch (JsonException)
            {
                // Not a record we wrote: read the current one from storage instead.
            }
        }

        if (record is not null && !string.Equals(record.Name, name, StringComparison.Ordinal))
        {
            record = null;
        }

        return await RunAsync(() => handler.HandleAsync(name, record, cancellationToken), loggers, "AlignArticle", name);
    }

    private static async Task<(InvocationRequest? Request, IResult? Problem)> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            var request = await JsonSerializer.DeserializeAsync<InvocationRequest>(context.Request.Body, s_json, cancellationToken);
            return request is null ? (null, Failed(StatusCodes.Status400BadRequest, "The invocation payload is empty.")) : (request, null);
        }
        catch (JsonException)
        {
            return (null, Failed(StatusCodes.Status400BadRequest, "The invocation payload is not valid JSON."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Failed(StatusCodes.Status413PayloadTooLarge, "The invocation payload is too large."));
        }
    }

    private static async Task<IResult> RunAsync(Func<Task<string>> handle, ILoggerFactory loggers, string function, string name)
    {
        try
        {
            var line = await handle();
            return Results.Json(InvocationResponse.WithLogs([line]));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The host retries on failure; the answer must say what failed without a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(loggers.CreateLogger(typeof(TriggerEndpoints)), function, name, e);
            return Failed(StatusCodes.Status500InternalServerError, $"{function} failed for {name}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static IResult Failed(int status, string message) =>
        Results.Json(InvocationResponse.WithLogs([message]), statusCode: status);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed for {Name}")]
    private static partial void LogFailed(ILogger logger, string function, string name, Exception exception);
}
