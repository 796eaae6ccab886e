
namespace Pipeline.Functions.Processing;

/// <summary>Which outlet published an article, as far as its blob tells.</summary>
internal static class Outlet
{
    /// <summary>The blob's <c>outlet</c> metadata, else the first path segment of its name, else its file name.</summary>
    /// <example><c>aljazeera/story.txt</c> → <c>aljazeera</c>; <c>story.txt</c> → <c>story.txt</c>.</example>
    public static string Of(string blobName, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                if (string.Equals(key, "outlet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }

        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < blobName.Length - 1)
        {
            return blobName[..slash];
        }

        return blobName.Trim('/') is { Length: > 0 } trimmed ? trimmed : blobName;
    }
}
