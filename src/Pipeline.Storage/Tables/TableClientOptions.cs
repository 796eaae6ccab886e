using Azure.Core;

namespace Pipeline.Storage.Tables;

/// <summary>Pipeline options for Table clients: retries (Retry.MaxRetries/Delay/MaxDelay/NetworkTimeout), diagnostics, extra policies.</summary>
public sealed class TableClientOptions : ClientOptions
{
}
