using Azure;
using Azure.Core;
using Pipeline.Storage.Http;

namespace Pipeline.Storage.Blobs;

/// <summary>One blob (shaped like Azure.Storage.Blobs.BlobClient): block-blob upload, download, properties, delete.</summary>
public sealed class BlobClient
{
    private readonly BlobContainerClient _container;

    internal BlobClient(BlobContainerClient container, string blobName)
    {
        BlobPath.ValidateBlobName(blobName);
        _container = container;
        Name = blobName;
        Uri = new Uri(container.Uri.AbsoluteUri + "/" + BlobPath.EscapeBlobName(blobName));
    }

    /// <summary>The blob name.</summary>
    public string Name { get; }

    /// <summary>The container's name.</summary>
    public string BlobContainerName => _container.Name;

    /// <summary>The blob's URL (each name segment percent-encoded).</summary>
    public Uri Uri { get; }

    /// <summary>Uploads <paramref name="content"/> as a block blob (Put Blob), replacing it unless conditions say otherwise.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/put-blob</remarks>
    public async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var pipeline = _container.Service.Pipeline;
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Put;
        request.Uri.Reset(Uri);
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", options?.HttpHeaders?.ContentType ?? "application/octet-stream");
        if (options?.Metadata is { } metadata)
        {
            foreach (var (name, value) in metadata)
            {
                ValidateMetadata(name, value);
                request.Headers.SetValue("x-ms-meta-" + name, value);
            }
        }

        if (options?.Conditions is { } conditions)
        {
            if (conditions.IfMatch is { } ifMatch)
            {
                request.Headers.SetValue("If-Match", ifMatch.ToString("H"));
            }

            if (conditions.IfNoneMatch is { } ifNoneMatch)
            {
                request.Headers.SetValue("If-None-Match", ifNoneMatch.ToString("H"));
            }
        }

        request.Content = RequestContent.Create(content);
        var response = await StoragePipeline.SendAsync(pipeline, message, cancellationToken, 201);
        return Response.FromValue(new BlobContentInfo(BlobResponses.ETagOf(response), BlobResponses.LastModified(response)), response);
    }

    /// <summary>Downloads the whole blob with its properties and metadata (Get Blob).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/get-blob</remarks>
    public async Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        var pipeline = _container.Service.Pipeline;
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(Uri);
        var response = await StoragePipeline.SendAsync(pipeline, message, cancellationToken, 200);
        var details = new BlobDownloadDetails
        {
            ETag = BlobResponses.ETagOf(response),
            ContentType = response.Headers.ContentType,
            ContentLength = BlobResponses.ContentLength(response),
            Metadata = BlobResponses.Metadata(response),
            LastModified = BlobResponses.LastModified(response),
        };
        return Response.FromValue(new BlobDownloadResult { Content = response.Content, Details = details }, response);
    }

    /// <summary>Reads properties and metadata without the content (HEAD).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/get-blob-properties</remarks>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        var pipeline = _container.Service.Pipeline;
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Head;
        message.Request.Uri.Reset(Uri);
        var response = await StoragePipeline.SendAsync(pipeline, message, cancellationToken, 200);
        var properties = new BlobProperties
        {
            ETag = BlobResponses.ETagOf(response),
            ContentType = response.Headers.ContentType,
            ContentLength = BlobResponses.ContentLength(response),
            Metadata = BlobResponses.Metadata(response),
            LastModified = BlobResponses.LastModified(response),
        };
        return Response.FromValue(properties, response);
    }

    /// <summary>True when the blob exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var pipeline = _container.Service.Pipeline;
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Head;
        message.Request.Uri.Reset(Uri);
        var response = await StoragePipeline.SendAsync(pipeline, message, cancellationToken, 200, 404);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Deletes the blob (and its snapshots); false when it did not exist.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/delete-blob</remarks>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        var pipeline = _container.Service.Pipeline;
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Delete;
        message.Request.Uri.Reset(Uri);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await StoragePipeline.SendAsync(pipeline, message, cancellationToken, 202, 404);
        if (response.Status == 404 && StorageErrors.TryGetCode(response) is not (null or "BlobNotFound"))
        {
            // ContainerNotFound and the like are real errors, not "already gone".
            throw StorageErrors.CreateException(response);
        }

        return Response.FromValue(response.Status == 202, response);
    }

    private static void ValidateMetadata(string name, string value)
    {
        var validName = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!validName)
        {
            throw new ArgumentException($"Metadata name '{name}' must be a C# identifier (ASCII letters, digits, '_').", nameof(name));
        }

        if (value.Any(c => c > 0x7E || (c < 0x20 && c != '\t')))
        {
            throw new ArgumentException($"Metadata '{name}' has a non-ASCII or control character; encode the value (e.g. Uri.EscapeDataString).", nameof(value));
        }
    }
}
