using System.Text.Json;


namespace Pipeline.Functions.Hosting;

/// <summary>Reads the <c>Values</c> of a Functions <c>local.settings.json</c> the way the Core Tools would, for standalone runs.</summary>
internal static class LocalSettings
{
    /// <summary>Adds the file's values for keys no other source sets (environment and command line win).</summary>
    public static string? Apply(IConfigurationManager configuration, IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, "local.settings.json");
            if (!File.Exists(path))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                return path;
            }

            var missing = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in values.EnumerateObject())
            {
                var key = value.Name.Replace("__", ":", StringComparison.Ordinal);
                if (configuration[key] is null && value.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    missing[key] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
                }
            }

            configuration.AddInMemoryCollection(missing);
            return path;
        }

        return null;
    }
}
