namespace Pipeline.Functions.Storage;

/// <summary>Which blob names no request URL can reach.</summary>
/// <remarks>
/// The official client sends a name as given, but URL normalization on the way to the service rewrites '.' and '..'
/// segments and a trailing '.' or '/'. A blob stored under such a name (Azurite takes 'a\..\b' and stores 'a/../b')
/// can be listed but never read, so the pipeline rejects it at once instead of retrying reads that cannot succeed.
/// https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#blob-names
/// </remarks>
internal static class BlobNames
{
    /// <summary>The longest blob name the service accepts.</summary>
    public const int MaxLength = 1024;

    /// <summary>Why a blob cannot be addressed by this name, or null when it can.</summary>
    public static string? Problem(string blobName)
    {
        if (string.IsNullOrEmpty(blobName))
        {
            return "Blob name is empty.";
        }

        if (blobName.Length > MaxLength)
        {
            return $"Blob name is {blobName.Length} characters; the limit is 1,024.";
        }

        return blobName.EndsWith('.') || blobName.EndsWith('/') || blobName.Split('/').Any(s => s is "." or "..")
            ? "Blob name must not end with '.' or '/' nor contain '.' or '..' path segments."
            : null;
    }
}
