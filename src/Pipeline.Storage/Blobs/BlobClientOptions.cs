using Azure.Core;

namespace Pipeline.Storage.Blobs;

/// <summary>Pipeline options for Blob clients: retries (Retry.MaxRetries/Delay/MaxDelay/NetworkTimeout), diagnostics, extra policies.</summary>
public sealed class BlobClientOptions : ClientOptions
{
}
