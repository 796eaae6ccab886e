using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>The result of creating a container.</summary>
/// <param name="ETag">The container's ETag.</param>
/// <param name="LastModified">When the container was created.</param>
public sealed record BlobContainerInfo(ETag ETag, DateTimeOffset LastModified);
