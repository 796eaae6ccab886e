namespace Pipeline.Functions.Processing;

/// <summary>An uploaded article as a trigger presents it: name, version, size and a way to read the bytes.</summary>
/// <param name="Name">The blob name in <c>articles</c>.</param>
/// <param name="ETag">The blob version.</param>
/// <param name="Length">Size in bytes when known before reading.</param>
/// <param name="Metadata">The blob's metadata (for <c>outlet</c>).</param>
/// <param name="ReadAsync">Reads the whole content; called only after the size check passes.</param>
internal sealed record ArticleBlob(
    string Name,
    string ETag,
    long? Length,
    IReadOnlyDictionary<string, string> Metadata,
    Func<CancellationToken, Task<byte[]>> ReadAsync);
