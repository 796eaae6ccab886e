using System.Globalization;
using System.Xml.Linq;
using Azure;

namespace Pipeline.Storage.Blobs;

/// <summary>Parses the List Blobs XML (EnumerationResults) into items and the next marker.</summary>
/// <remarks>https://learn.microsoft.com/rest/api/storageservices/list-blobs#response-body</remarks>
internal static class BlobListing
{
    internal static (IReadOnlyList<BlobItem> Items, string? NextMarker) Parse(Stream xml)
    {
        var root = XDocument.Load(xml).Root ?? throw new FormatException("List Blobs returned an empty document.");
        var items = new List<BlobItem>();
        foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            var nameElement = blob.Element("Name") ?? throw new FormatException("List Blobs returned a blob without a name.");

            // Names with characters XML cannot carry come back percent-encoded, flagged Encoded="true".
            var name = string.Equals((string?)nameElement.Attribute("Encoded"), "true", StringComparison.OrdinalIgnoreCase)
                ? Uri.UnescapeDataString(nameElement.Value)
                : nameElement.Value;
            var properties = blob.Element("Properties");
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in blob.Element("Metadata")?.Elements() ?? [])
            {
                metadata[entry.Name.LocalName] = entry.Value;
            }

            items.Add(new BlobItem
            {
                Name = name,
                Metadata = metadata,
                Properties = new BlobItemProperties
                {
                    ETag = properties?.Element("Etag") is { } etag ? new ETag(etag.Value) : null,
                    ContentLength = long.TryParse(properties?.Element("Content-Length")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : null,
                    ContentType = properties?.Element("Content-Type")?.Value,
                    LastModified = DateTimeOffset.TryParse(properties?.Element("Last-Modified")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null,
                },
            });
        }

        var next = root.Element("NextMarker")?.Value;
        return (items, string.IsNullOrEmpty(next) ? null : next);
    }
}
