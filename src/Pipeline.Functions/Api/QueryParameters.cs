using System.Globalization;


namespace Pipeline.Functions.Api;

/// <summary>Reads and validates query-string parameters; every failure is a user-facing message for a 400.</summary>
internal sealed class QueryParameters(IQueryCollection query)
{
    /// <summary>Longest accepted article name (blob names are at most 1,024 characters).</summary>
    public const int MaxArticleLength = 1024;

    /// <summary>Longest accepted search text.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>The first problem found, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The Functions host's key parameter: the host checks it, and it may reach us with the proxied request.</summary>
    public const string FunctionKey = "code";

    /// <summary>Parameters this endpoint does not know are refused, so a typo never silently widens a query.</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var key in query.Keys)
        {
            if (!names.Contains(key, StringComparer.Ordinal) && !string.Equals(key, FunctionKey, StringComparison.Ordinal))
            {
                Fail($"Unknown parameter '{Clip(key)}'. Known: {string.Join(", ", names)}.");
            }
        }
    }

    /// <summary><c>top</c>: 1–1000, default 100.</summary>
    public int Top() => Int("top", 100, 1, 1000);

    /// <summary>An integer parameter within bounds.</summary>
    public int Int(string name, int fallback, int min, int max)
    {
        if (Single(name) is not { } raw)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Fail($"{name} must be a whole number from {min} to {max}.");
            return fallback;
        }

        return value;
    }

    /// <summary>A score parameter in [0, 1].</summary>
    public double? Score(string name)
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || value < 0 || value > 1)
        {
            Fail($"{name} must be a number from 0 to 1.");
            return null;
        }

        return value;
    }

    /// <summary>A text parameter of bounded length without control characters; null when absent or empty.</summary>
    public string? Text(string name, int maxLength)
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        if (raw.Length > maxLength)
        {
            Fail($"{name} must be at most {maxLength} characters.");
            return null;
        }

        if (raw.Any(char.IsControl))
        {
            Fail($"{name} must not contain control characters.");
            return null;
        }

        return raw.Length == 0 ? null : raw;
    }

    private string? Single(string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            Fail($"{name} may be given only once.");
            return null;
        }

        return values[0];
    }

    private void Fail(string message) => Error ??= message;

    private static string Clip(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return clean;
    }
}
