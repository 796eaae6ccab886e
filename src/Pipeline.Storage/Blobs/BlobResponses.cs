using System.Globalization;
using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>Reads blob properties from response headers.</summary>
internal static class BlobResponses
{
    private const string MetadataPrefix = "x-ms-meta-";

    internal static Dictionary<string, string> Metadata(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }

    internal static ETag ETagOf(Response response) => response.Headers.ETag ?? default;

    internal static DateTimeOffset LastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : default;

    internal static long ContentLength(Response response) => response.Headers.ContentLength ?? 0;
}
