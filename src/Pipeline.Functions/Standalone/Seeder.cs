using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Standalone;

/// <summary>Uploads a folder's files into the <c>articles</c> container (the <c>--seed</c> option).</summary>
internal static partial class Seeder
{
    /// <summary>Uploads every file under <paramref name="folder"/> (blob name = relative path with '/'); files whose blob already has the same bytes are left alone, so a restart does not reprocess them.</summary>
    public static async Task<int> UploadAsync(PipelineStorage storage, string folder, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The seed folder '{folder}' does not exist.");
        }

        var manifestPath = Path.Combine(folder, SeedManifest.FileName);
        var manifest = File.Exists(manifestPath)
            ? SeedManifest.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken))
            : new Dictionary<string, IDictionary<string, string>>();
        var uploaded = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (name.StartsWith('.') || name.Contains("/.", StringComparison.Ordinal) || name == SeedManifest.FileName)
            {
                continue;
            }

            var metadata = manifest.GetValueOrDefault(name) ?? new Dictionary<string, string>();

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var blob = storage.Articles.GetBlobClient(name);
            try
            {
                var existing = await blob.DownloadContentAsync(cancellationToken);
                if (existing.Value.Content.ToMemory().Span.SequenceEqual(bytes) && SameMetadata(existing.Value.Details.Metadata, metadata))
                {
                    continue;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }

            await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" }, Metadata = metadata }, cancellationToken);
            uploaded++;
        }

        LogSeeded(logger, uploaded, folder);
        return uploaded;
    }

    private static bool SameMetadata(IDictionary<string, string> stored, IDictionary<string, string> wanted) =>
        stored.Count == wanted.Count && wanted.All(p => stored.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} changed or new files from {Folder} into 'articles'")]
    private static partial void LogSeeded(ILogger logger, int count, string folder);
}
