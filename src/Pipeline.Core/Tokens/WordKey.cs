using System.Text;

namespace Pipeline.Core.Tokens;

/// <summary>
/// The matching form of one word: apostrophes unified to "'", hyphens, soft hyphens, line breaks and acronym dots removed,
/// NFKC-normalized and case-folded (invariant).
/// </summary>
internal static class WordKey
{
    public static string Of(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var simple = true;
        var ascii = true;
        foreach (var c in span)
        {
            if (c > 0x7F)
            {
                ascii = false;
                simple = false;
                break;
            }

            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                simple = false;
            }
        }

        if (simple)
        {
            return span.ToString();
        }

        var sb = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (WordScanner.IsHyphen(c) || char.IsWhiteSpace(c) || c == ',')
            {
                continue;
            }

            if (c == '.')
            {
                // Keep decimal points, drop acronym dots ("U.S." = "US").
                if (i > 0 && i + 1 < span.Length && char.IsDigit(span[i - 1]) && char.IsDigit(span[i + 1]))
                {
                    sb.Append('.');
                }

                continue;
            }

            sb.Append(WordScanner.IsApostrophe(c) ? '\'' : c);
        }

        var key = sb.ToString();
        if (!ascii)
        {
            key = key.Normalize(NormalizationForm.FormKC);
        }

        return key.ToLowerInvariant();
    }
}
