namespace Pipeline.Storage.Blobs;

/// <summary>Content type, metadata and conditions for an upload.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>HTTP properties such as the content type.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>User metadata (x-ms-meta-*): names must be C# identifiers, values ASCII.</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>If-Match / If-None-Match conditions.</summary>
    public BlobRequestConditions? Conditions { get; set; }
}
