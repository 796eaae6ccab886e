namespace Pipeline.Deployment.Tests.Reading;

/// <summary>
/// Reads the subset of YAML azure.yaml uses — nested maps of scalars, no lists — into dotted keys such as
/// "services.api.host". A list or a multi-line scalar fails loudly instead of being misread.
/// </summary>
internal static class FlatYaml
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<(int Indent, string Key)>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = StripComment(rawLine.TrimEnd('\r'));
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line.Trim();
            if (content.StartsWith('-') || content.EndsWith('|') || content.EndsWith('>'))
            {
                throw new FormatException($"FlatYaml reads maps of scalars only; unsupported line: {rawLine}");
            }

            var colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"expected 'key: value', got: {rawLine}");
            }

            path.RemoveAll(level => level.Indent >= indent);
            var key = content[..colon].Trim();
            var value = content[(colon + 1)..].Trim();
            path.Add((indent, key));
            if (value.Length > 0)
            {
                values[string.Join('.', path.Select(level => level.Key))] = Unquote(value);
            }
        }

        return values;
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
