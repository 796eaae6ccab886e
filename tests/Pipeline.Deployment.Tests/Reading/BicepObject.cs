namespace Pipeline.Deployment.Tests.Reading;

/// <summary>The top-level `key: value` entries of one Bicep object literal, values kept as raw text.</summary>
internal sealed class BicepObject
{
    private readonly Dictionary<string, string> _entries;

    private BicepObject(Dictionary<string, string> entries) => _entries = entries;

    public IReadOnlyCollection<string> Keys => _entries.Keys;

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>Raw value text of <paramref name="key"/>; fails the test when missing.</summary>
    public string Raw(string key)
    {
        Assert.True(_entries.TryGetValue(key, out var value), $"object has no key '{key}' (keys: {string.Join(", ", Keys)})");
        return value!;
    }

    /// <summary>The value of a string-literal entry, unquoted.</summary>
    public string String(string key)
    {
        var raw = Raw(key);
        Assert.True(IsStringLiteral(raw), $"'{key}' is not a string literal: {raw}");
        return Unquote(raw);
    }

    public BicepObject Object(string key)
    {
        var raw = Raw(key);
        Assert.True(raw.StartsWith('{') && raw.EndsWith('}'), $"'{key}' is not an object literal: {raw}");
        return Parse(raw[1..^1]);
    }

    /// <summary>Follows a dotted path of nested object literals, e.g. "properties.functionAppConfig.runtime".</summary>
    public BicepObject Path(string dottedPath) =>
        dottedPath.Split('.').Aggregate(this, (current, key) => current.Object(key));

    /// <summary>Elements of an array-literal entry, string literals unquoted.</summary>
    public IReadOnlyList<string> Array(string key)
    {
        var raw = Raw(key);
        Assert.True(raw.StartsWith('[') && raw.EndsWith(']'), $"'{key}' is not an array literal: {raw}");
        return TopLevelEntries(raw[1..^1]).Select(entry => IsStringLiteral(entry) ? Unquote(entry) : entry).ToList();
    }

    public static BicepObject Parse(string body)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in TopLevelEntries(body))
        {
            var colon = IndexOutsideStrings(entry, ':');
            if (colon < 0)
            {
                continue;
            }

            var key = entry[..colon].Trim();
            entries[IsStringLiteral(key) ? Unquote(key) : key] = entry[(colon + 1)..].Trim();
        }

        return new BicepObject(entries);
    }

    /// <summary>Body (without the outer braces) of the first object literal at or after <paramref name="start"/>.</summary>
    public static string BlockAfter(string text, int start)
    {
        var open = IndexOutsideStrings(text, '{', start);
        Assert.True(open >= 0, $"no object literal after offset {start}");
        return text[(open + 1)..MatchingClose(text, open)];
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, skipping strings.</summary>
    public static int MatchingClose(string text, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    inString = true;
                    break;
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        throw new InvalidOperationException($"unbalanced brackets from offset {open}");
    }

    /// <summary>Splits a block body into entries separated by newlines or commas at nesting depth 0.</summary>
    public static IReadOnlyList<string> TopLevelEntries(string body)
    {
        var entries = new List<string>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\'')
            {
                i = EndOfString(body, i);
            }
            else if (c is '{' or '[' or '(')
            {
                i = MatchingClose(body, i);
            }
            else if (c is '\n' or ',')
            {
                Add(body[start..i]);
                start = i + 1;
            }
        }

        Add(body[start..]);
        return entries;

        void Add(string entry)
        {
            entry = entry.Trim();
            if (entry.Length > 0)
            {
                entries.Add(entry);
            }
        }
    }

    public static bool IsStringLiteral(string text) =>
        text.Length >= 2 && text[0] == '\'' && EndOfString(text, 0) == text.Length - 1;

    public static string Unquote(string literal) => literal[1..^1].Replace("\\'", "'", StringComparison.Ordinal);

    private static int EndOfString(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '\'')
            {
                return i;
            }
        }

        throw new InvalidOperationException("unterminated string literal");
    }

    private static int IndexOutsideStrings(string text, char wanted, int start = 0)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                i = EndOfString(text, i);
            }
            else if (text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
