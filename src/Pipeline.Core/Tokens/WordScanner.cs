using System.Globalization;

namespace Pipeline.Core.Tokens;

/// <summary>
/// Finds words: runs of letters and digits, joined across apostrophes ("it's"), hyphens ("de-conflict", also broken at a
/// line end), acronym dots ("U.S.", "a.m.") and decimal points or thousands separators ("1.5", "1,000").
/// </summary>
internal static class WordScanner
{
    public static List<WordSpan> Scan(string text) => Scan(text, 0, text.Length);

    public static List<WordSpan> Scan(string text, int from, int to)
    {
        var words = new List<WordSpan>();
        var i = from;
        while (i < to)
        {
            // A combining mark continues a word but never starts one.
            if (!IsWordChar(text, i) || IsMark(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var segmentStart = i;
            var hasAcronymDot = false;
            i = Advance(text, i);
            while (i < to)
            {
                if (IsWordChar(text, i))
                {
                    i = Advance(text, i);
                    continue;
                }

                var c = text[i];
                var next = i + 1 < to ? i + 1 : -1;
                if (next < 0)
                {
                    break;
                }

                if (IsApostrophe(c) && (char.IsLetter(text[next]) || IsMark(text[next])))
                {
                    i = next;
                    segmentStart = i;
                    continue;
                }

                if (IsHyphen(c))
                {
                    if (IsWordChar(text, next))
                    {
                        i = next;
                        segmentStart = i;
                        continue;
                    }

                    // "de-\nconflict": a hyphen at a line end followed by a lower-case continuation on the next line. Two line
                    // breaks are a paragraph break, which no word crosses (a passage ends there).
                    var j = next;
                    var breaks = 0;
                    while (j < to && j - next < 8 && (text[j] is ' ' or '\t' or '\r' or '\n'))
                    {
                        breaks += text[j] == '\n' || (text[j] == '\r' && (j + 1 >= to || text[j + 1] != '\n')) ? 1 : 0;
                        j++;
                    }

                    if (breaks == 1 && j < to && char.IsLower(text[j]) && char.IsLetter(text[i - 1]))
                    {
                        i = j;
                        segmentStart = i;
                        continue;
                    }

                    break;
                }

                if (c == '.' && char.IsDigit(text[i - 1]) && char.IsDigit(text[next]))
                {
                    i = next;
                    segmentStart = i;
                    continue;
                }

                if (c == ',' && char.IsDigit(text[i - 1]) && next + 2 < to && char.IsDigit(text[next]) && char.IsDigit(text[next + 1]) && char.IsDigit(text[next + 2]))
                {
                    i = next;
                    segmentStart = i;
                    continue;
                }

                // "U.S.-led": an acronym's closing dot followed by a hyphenated continuation.
                if (c == '.' && hasAcronymDot && i - segmentStart == 1 && IsHyphen(text[next]) && next + 1 < to && IsWordChar(text, next + 1))
                {
                    i = next + 1;
                    segmentStart = i;
                    continue;
                }

                if (c == '.' && i - segmentStart == 1 && char.IsLetter(text[segmentStart]) && char.IsLetter(text[next])
                    && (next + 1 >= to || text[next + 1] == '.' || !char.IsLetterOrDigit(text[next + 1])))
                {
                    hasAcronymDot = true;
                    i = next;
                    segmentStart = i;
                    continue;
                }

                break;
            }

            // The closing dot of an acronym belongs to it ("U.S.").
            if (hasAcronymDot && i < to && text[i] == '.' && i - segmentStart == 1)
            {
                i++;
            }

            words.Add(new WordSpan(start, i, string.Empty));
        }

        return words;
    }

    private static int Advance(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? i + 2 : i + 1;

    public static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.IsLetterOrDigit(text, i);
        }

        // Combining marks continue a word (the scanner never starts a word with one).
        return IsMark(c);
    }

    public static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '\uFF07';

    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u00AD' or '\uFE63' or '\uFF0D';
}
