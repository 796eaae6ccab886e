using Microsoft.Azure.Functions.Worker;

namespace Pipeline.Functions.Functions;

/// <summary>Where the deployed blob triggers learn of new blobs, chosen at build time by the BlobTriggerSource property.</summary>
internal static class TriggerSource
{
#if POLLING_BLOB_TRIGGERS
    /// <summary>The host's container scan: only for <c>func start</c> experiments; it misses blobs on Azurite, which writes no $logs.</summary>
    public const BlobTriggerSource Blobs = BlobTriggerSource.LogsAndContainerScan;
#else
    /// <summary>Event Grid BlobCreated events: what Flex Consumption requires, and it never scans.</summary>
    public const BlobTriggerSource Blobs = BlobTriggerSource.EventGrid;
#endif
}
