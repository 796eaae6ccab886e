
namespace Pipeline.Functions.Stores;

/// <summary>What the standalone trigger remembers about one blob, like the Functions host's blob receipts.</summary>
/// <param name="Container">The blob's container.</param>
/// <param name="Name">The blob's name.</param>
/// <param name="ETag">The blob version the receipt is about.</param>
/// <param name="State">done, retry or poisoned.</param>
/// <param name="Attempts">Failed attempts so far for this version.</param>
/// <param name="Error">The last error, if any.</param>
/// <param name="NextAttempt">When a retry is due.</param>
internal sealed record Receipt(string Container, string Name, string ETag, string State, int Attempts, string? Error, DateTimeOffset? NextAttempt)
{
    /// <summary>Processed successfully.</summary>
    public const string Done = "done";

    /// <summary>Failed; another attempt is due at <see cref="NextAttempt"/>.</summary>
    public const string Retry = "retry";

    /// <summary>Failed every attempt; not tried again until the blob changes.</summary>
    public const string Poisoned = "poisoned";
}
