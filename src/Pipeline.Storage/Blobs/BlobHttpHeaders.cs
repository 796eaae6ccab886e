namespace Pipeline.Storage.Blobs;

/// <summary>Standard HTTP properties stored with a blob.</summary>
public sealed class BlobHttpHeaders
{
    /// <summary>The blob's MIME type, e.g. text/html; application/octet-stream when not set.</summary>
    public string? ContentType { get; set; }
}
