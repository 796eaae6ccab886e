using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>A blob's properties and metadata (from Get Blob Properties).</summary>
public sealed class BlobProperties
{
    /// <summary>Size in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>MIME type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Current ETag.</summary>
    public ETag ETag { get; init; }

    /// <summary>User metadata; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Last write time.</summary>
    public DateTimeOffset LastModified { get; init; }
}
