using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Functions.Processing;

/// <summary>An uploaded article as a trigger presents it: name, version, size and a way to read the bytes.</summary>
/// <param name="Name">The blob name in <c>articles</c>.</param>
/// <param name="ETag">The blob version.</param>
/// <param name="Length">Size in bytes when known before reading.</param>
/// <param name="Metadata">The blob's metadata (for <c>outlet</c>).</param>
/// <param name="ReadAsync">Reads the whole content of this version (null when the blob changed or is gone); called only
/// after the size check passes.</param>
internal sealed record ArticleBlob(
    string Name,
    string ETag,
    long? Length,
    IReadOnlyDictionary<string, string> Metadata,
    Func<CancellationToken, Task<byte[]?>> ReadAsync)
{
    /// <summary>When this version was uploaded (the blob's last-modified time), when known.</summary>
    public DateTimeOffset? Uploaded { get; init; }

    /// <summary>The article a blob client points at, with its current version and metadata; null when it is gone.</summary>
    public static async Task<ArticleBlob?> FromClientAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new ArticleBlob(
                blob.Name,
                properties.ETag.ToString(),
                properties.ContentLength,
                new Dictionary<string, string>(properties.Metadata, StringComparer.OrdinalIgnoreCase),
                ct => ReadVersionAsync(blob, properties.ETag, ct))
            {
                Uploaded = properties.LastModified,
            };
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The content of one version of a blob; null when the blob has another version now, or none.</summary>
    /// <remarks>Reading on condition of the version proves the article current when it was read, without a request of its own.</remarks>
    public static async Task<byte[]?> ReadVersionAsync(BlobClient blob, ETag version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = version } };
            return (await blob.DownloadContentAsync(options, cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }
}
