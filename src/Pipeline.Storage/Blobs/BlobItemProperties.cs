using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>The properties of a listed blob.</summary>
public sealed class BlobItemProperties
{
    /// <summary>Current ETag.</summary>
    public ETag? ETag { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? ContentLength { get; init; }

    /// <summary>MIME type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Last write time.</summary>
    public DateTimeOffset? LastModified { get; init; }
}
