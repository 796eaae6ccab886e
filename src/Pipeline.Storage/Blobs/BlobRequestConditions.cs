using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>Optimistic-concurrency conditions for a blob write.</summary>
public sealed class BlobRequestConditions
{
    /// <summary>Write only if the blob's current ETag matches (If-Match).</summary>
    public ETag? IfMatch { get; set; }

    /// <summary>Write only if no blob matches; <see cref="ETag.All"/> means "only if the blob does not exist" (If-None-Match: *).</summary>
    public ETag? IfNoneMatch { get; set; }
}
