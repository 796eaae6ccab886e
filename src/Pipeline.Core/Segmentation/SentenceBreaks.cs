namespace Pipeline.Core.Segmentation;

/// <summary>
/// Finds sentence ends in narrative text, aware of abbreviations ("U.S.", "Rear Adm.", "Maj. Gen.", "Dr.", "a.m."),
/// initials ("John F. Kirby") and numbers ("1.5").
/// </summary>
internal static class SentenceBreaks
{
    private static readonly HashSet<string> s_abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "gens", "adm", "lt", "col", "maj", "capt", "cmdr", "cdr", "sgt", "cpl",
        "pvt", "brig", "rep", "reps", "sen", "sens", "gov", "pres", "rev", "sr", "jr", "st", "mt", "ft", "no", "nos",
        "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "fig", "vol", "approx", "hon", "rt", "atty", "supt", "det", "insp", "msgr", "fr", "sec",
        "dept", "est", "univ", "ave", "blvd", "rd", "cf", "al", "ph", "op", "ed",
    };

    /// <summary>Offsets just past each sentence end inside [start, end) (the last sentence's end is not included).</summary>
    public static List<int> Find(string text, int start, int end)
    {
        var breaks = new List<int>();
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '\u2026'))
            {
                continue;
            }

            var j = i + 1;
            while (j < end && text[j] is '.' or '!' or '?' or '\u2026' or ')' or ']' or '\'' or '\u2019' or '"' or '\u201D')
            {
                j++;
            }

            if (j >= end || !char.IsWhiteSpace(text[j]))
            {
                i = j - 1;
                continue;
            }

            var k = j;
            while (k < end && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            if (k >= end)
            {
                i = j - 1;
                continue;
            }

            var next = text[k];
            var startsSentence = char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
            if (!startsSentence)
            {
                i = j - 1;
                continue;
            }

            if (c == '.' && j == i + 1 && IsAbbreviation(text, start, i))
            {
                i = j - 1;
                continue;
            }

            breaks.Add(j);
            i = j - 1;
        }

        return breaks;
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var length = dot - wordStart;
        if (length == 0)
        {
            return false;
        }

        return IsAbbreviation(text.AsSpan(wordStart, length));
    }

    /// <summary>Whether a word written before a period is an abbreviation, an initial or a dotted acronym, not a sentence end.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        // Initials ("F.") and dotted acronyms ("U.S.", "a.m.").
        if ((word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.'))
        {
            return true;
        }

        return word.Length <= 6 && s_abbreviations.Contains(word.ToString());
    }
}
