namespace Pipeline.Storage.Blobs;

/// <summary>One entry of a blob listing.</summary>
public sealed class BlobItem
{
    /// <summary>The full blob name (decoded).</summary>
    public required string Name { get; init; }

    /// <summary>ETag, size, content type, last modified.</summary>
    public required BlobItemProperties Properties { get; init; }

    /// <summary>User metadata (listings ask for include=metadata).</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
