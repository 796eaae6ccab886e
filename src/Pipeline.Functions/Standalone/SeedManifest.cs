using System.Text;

namespace Pipeline.Functions.Standalone;

/// <summary>A seed folder's <c>manifest.tsv</c>: per file, the blob metadata to upload it with (outlet, title, url, published).</summary>
/// <remarks>Tab-separated with a header row naming the columns; <c>file</c> is the path relative to the folder, every other
/// column becomes a metadata key, and empty cells are left out.</remarks>
internal static class SeedManifest
{
    /// <summary>The manifest's file name in a seed folder; the file itself is never uploaded.</summary>
    public const string FileName = "manifest.tsv";

    /// <summary>Parses a manifest; a malformed one throws <see cref="FormatException"/> naming the line.</summary>
    public static IReadOnlyDictionary<string, IDictionary<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var header = lines[0].Split('\t').Select(h => h.Trim()).ToArray();
        if (header.Length < 2 || !string.Equals(header[0], "file", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{FileName} line 1 must be a tab-separated header starting with 'file', e.g. file<TAB>outlet<TAB>title<TAB>url<TAB>published.");
        }

        var result = new Dictionary<string, IDictionary<string, string>>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            if (cells.Length > header.Length)
            {
                throw new FormatException($"{FileName} line {i + 1} has {cells.Length} columns; the header has {header.Length}.");
            }

            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 1; c < cells.Length; c++)
            {
                if (cells[c].Trim() is { Length: > 0 } value)
                {
                    metadata[header[c]] = Encode(value);
                }
            }

            result[cells[0].Trim()] = metadata;
        }

        return result;
    }

    /// <summary>Metadata travels in HTTP headers: ASCII only, so anything else (and '%') is percent-encoded, which the reader decodes.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= 0x20 and < 0x7F && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
