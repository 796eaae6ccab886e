using Azure;
using Azure.Storage.Blobs;

namespace Pipeline.Functions.Processing;

/// <summary>An uploaded article as a trigger presents it: name, version, size and a way to read the bytes.</summary>
/// <param name="Name">The blob name in <c>articles</c>.</param>
/// <param name="ETag">The blob version.</param>
/// <param name="Length">Size in bytes when known before reading.</param>
/// <param name="Metadata">The blob's metadata (for <c>outlet</c>).</param>
/// <param name="ReadAsync">Reads the whole content; called only after the size check passes.</param>
internal sealed record ArticleBlob(
    string Name,
    string ETag,
    long? Length,
    IReadOnlyDictionary<string, string> Metadata,
    Func<CancellationToken, Task<byte[]>> ReadAsync)
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
                async ct => (await blob.DownloadContentAsync(ct)).Value.Content.ToArray())
            {
                Uploaded = properties.LastModified,
            };
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
