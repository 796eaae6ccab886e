using System.Text;

namespace Pipeline.Storage.Blobs;

/// <summary>Escapes blob and container names for the request path.</summary>
internal static class BlobPath
{
    /// <summary>Percent-encodes each '/'-separated segment (UTF-8), keeping the separators, so '#', '?', '%', spaces and
    /// non-ASCII survive; names are otherwise sent verbatim (Azure treats them as opaque).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#blob-names</remarks>
    internal static string EscapeBlobName(string blobName)
    {
        var builder = new StringBuilder(blobName.Length * 2);
        var segments = blobName.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }

    internal static void ValidateBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (Problem(blobName) is { } problem)
        {
            throw new ArgumentException(problem, nameof(blobName));
        }
    }

    /// <summary>Why a blob cannot be addressed by this name, or null when it can.</summary>
    internal static string? Problem(string blobName)
    {
        if (string.IsNullOrEmpty(blobName))
        {
            return "Blob name is empty.";
        }

        if (blobName.Length > 1024)
        {
            return $"Blob name is {blobName.Length} characters; the limit is 1,024.";
        }

        // A trailing dot or slash, and '.'/'..' segments, are rewritten by URL normalization on the way to the service.
        return blobName.EndsWith('.') || blobName.EndsWith('/') || blobName.Split('/').Any(s => s is "." or "..")
            ? "Blob name must not end with '.' or '/' nor contain '.' or '..' path segments."
            : null;
    }

    internal static void ValidateContainerName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var valid = name.Length is >= 3 and <= 63
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException(
                $"Container name '{name}' is invalid: 3-63 characters, lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }
}
