using System.Text;

namespace Pipeline.Core.Tokens;

/// <summary>
/// The matching form of one word: apostrophes unified to "'", hyphens, soft hyphens, line breaks and acronym dots removed,
/// NFKC-normalized and case-folded (invariant).
/// </summary>
internal static class WordKey
{
    private const int StackLimit = 256;

    public static string Of(string text, int start, int end, KeyPool? pool = null)
    {
        var span = text.AsSpan(start, end - start);
        if (span.Length <= StackLimit && IsAsciiAlphanumeric(span))
        {
            // The common case: lower-case into a stack buffer and share the string per article.
            Span<char> lowered = stackalloc char[span.Length];
            for (var i = 0; i < span.Length; i++)
            {
                lowered[i] = (char)(span[i] | (char.IsAsciiLetterUpper(span[i]) ? 0x20 : 0));
            }

            return pool is null ? lowered.ToString() : pool.Intern(lowered);
        }

        var key = Slow(span);
        return pool is null ? key : pool.Intern(key);
    }

    private static bool IsAsciiAlphanumeric(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>NFKC first, so compatibility characters that expand to hyphens, apostrophes or spaces are then unified too.</summary>
    private static string Slow(ReadOnlySpan<char> span)
    {
        var ascii = true;
        foreach (var c in span)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        var source = ascii ? span : span.ToString().Normalize(NormalizationForm.FormKC).AsSpan();
        var sb = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (WordScanner.IsApostrophe(c))
            {
                // U+02BC is a letter to Unicode but an apostrophe to readers.
                if (sb.Length > 0 && sb[^1] != '\'')
                {
                    sb.Append('\'');
                }
            }
            else if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || WordScanner.IsMark(c))
            {
                sb.Append(c);
            }
            else if (c == '.' && i > 0 && i + 1 < source.Length && char.IsDigit(source[i - 1]) && char.IsDigit(source[i + 1]))
            {
                // Keep decimal points; acronym dots go ("U.S." = "US").
                sb.Append('.');
            }

            // Hyphens, line breaks, digit-group commas and anything NFKC expanded into punctuation ("ŀ" → "l·") go.
        }

        while (sb.Length > 0 && sb[^1] == '\'')
        {
            sb.Length--;
        }

        var key = sb.Length > 0 ? sb.ToString() : span.ToString();

        // Dropping a hyphen can bring a letter and a combining mark together ("m-\u0301"): compose them again.
        if (!ascii)
        {
            key = key.Normalize(NormalizationForm.FormKC);
        }

        return key.ToLowerInvariant();
    }
}
