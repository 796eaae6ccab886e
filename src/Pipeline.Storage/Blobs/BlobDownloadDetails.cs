using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>Properties returned with downloaded content.</summary>
public sealed class BlobDownloadDetails
{
    /// <summary>Current ETag.</summary>
    public ETag ETag { get; init; }

    /// <summary>MIME type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>User metadata; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Last write time.</summary>
    public DateTimeOffset LastModified { get; init; }
}
