using System.Globalization;

namespace Pipeline.Core.Candidates.Sharding;

/// <summary>Encodes a posting as a string property value: "day,position,version,article".</summary>
/// <remarks>The article key goes last and unescaped, so any blob name round-trips; the version (empty for none) may not
/// hold a comma. An empty value is a tombstone: merge writes can add or overwrite a property but not remove one, so
/// removal overwrites the posting with "".</remarks>
public static class PostingCodec
{
    /// <summary>The value that marks a removed posting.</summary>
    public const string Tombstone = "";

    /// <summary>The property value of a posting.</summary>
    /// <exception cref="ArgumentException">The version holds a comma.</exception>
    public static string Encode(StoredPosting posting)
    {
        if (posting.Version is { } version && version.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A posting's version may not hold a comma: '{version}'.", nameof(posting));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{posting.Day},{posting.Position},{posting.Version},{posting.Article}");
    }

    /// <summary>Decodes a property value; false for tombstones and malformed values.</summary>
    public static bool TryDecode(string? value, out StoredPosting posting)
    {
        posting = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var first = value.IndexOf(',', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf(',', first + 1);
        var third = second < 0 ? -1 : value.IndexOf(',', second + 1);
        if (third < 0
            || !int.TryParse(value.AsSpan(0, first), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(value.AsSpan(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }

        var version = third == second + 1 ? null : value[(second + 1)..third];
        posting = new StoredPosting(value[(third + 1)..], position, day, version);
        return true;
    }
}
