using System.Globalization;

namespace Pipeline.Functions.Processing;

/// <summary>What a publisher tells about an article through blob metadata: <c>title</c>, <c>url</c> and <c>published</c>.</summary>
/// <param name="Title">The headline, when given.</param>
/// <param name="Url">The original's address (absolute http or https), when given.</param>
/// <param name="Published">When it was published (ISO 8601), when given.</param>
/// <param name="Problems">Values that were given but unusable, for the status row; the article is processed all the same.</param>
/// <remarks>Blob metadata travels in HTTP headers, which carry ASCII only, so a value may be percent-encoded UTF-8
/// (<c>Caf%C3%A9</c>); it is decoded here.</remarks>
internal sealed record ArticleMetadata(string? Title, string? Url, DateTimeOffset? Published, IReadOnlyList<string> Problems)
{
    /// <summary>Longest title or URL kept.</summary>
    public const int MaxLength = 2048;

    /// <summary>No metadata.</summary>
    public static ArticleMetadata None { get; } = new(null, null, null, []);

    /// <summary>Reads the three keys (case-insensitive); bad values are named in <see cref="Problems"/>, never fatal.</summary>
    public static ArticleMetadata From(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return None;
        }

        var problems = new List<string>();
        var title = Text(Value(metadata, "title"));
        var urlText = Text(Value(metadata, "url"));
        string? url = null;
        if (urlText is not null)
        {
            if (Uri.TryCreate(urlText, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                url = uri.AbsoluteUri;
            }
            else
            {
                problems.Add("metadata 'url' is not an absolute http(s) address; ignored");
            }
        }

        DateTimeOffset? published = null;
        if (Text(Value(metadata, "published")) is { } when)
        {
            if (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                published = parsed;
            }
            else
            {
                problems.Add("metadata 'published' is not an ISO 8601 date or time; ignored");
            }
        }

        return new ArticleMetadata(title, url, published, problems);
    }

    private static string? Value(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        string text;
        try
        {
            text = Uri.UnescapeDataString(raw);
        }
        catch (UriFormatException)
        {
            text = raw;
        }

        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
