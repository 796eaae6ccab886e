namespace Pipeline.Storage.Blobs;

/// <summary>Downloaded content with its properties.</summary>
public sealed class BlobDownloadResult
{
    /// <summary>The blob's bytes.</summary>
    public required BinaryData Content { get; init; }

    /// <summary>ETag, content type, metadata, etc.</summary>
    public required BlobDownloadDetails Details { get; init; }
}
