namespace Pipeline.Core.Normalization;

/// <summary>
/// Rebuilds paragraphs from lines: blank lines always separate paragraphs; a single line break joins the lines unless the
/// first one ends a sentence (and the next starts like a new one) or is a short heading followed by a capitalised line.
/// </summary>
/// <remarks>
/// Hard-wrapped sources (seed 002 breaks "We\nare not coordinating") put line breaks anywhere, so a line break alone is
/// never taken as a paragraph break; sources with one paragraph per line end every line with terminal punctuation.
/// </remarks>
internal static class LayoutRepair
{
    private const int HeadingMaxWords = 8;

    private static readonly HashSet<string> s_lineEndAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Adm", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Cpl", "Pvt", "Brig",
        "Rep", "Sen", "Gov", "Pres", "Rev", "Sr", "Jr", "St", "Mt", "Ft", "No", "vs", "Supt", "Insp", "Hon",
    };

    private static readonly HashSet<string> s_joiningWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or", "but", "nor", "by", "from", "as",
        "is", "are", "was", "were", "be", "been", "that", "this", "these", "those", "its", "his", "her", "their", "our",
        "my", "your", "into", "onto", "than", "then", "if", "because", "while", "who", "which", "whom", "whose", "not",
        "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "about", "after",
        "before", "between", "over", "under", "mr", "mrs", "ms", "dr",
    };

    public static List<SourceParagraph> Paragraphs(string original)
    {
        var paragraphs = new List<SourceParagraph>();
        var current = new List<TextRange>();
        var wordsSoFar = 0;
        var position = 0;
        while (position <= original.Length)
        {
            var lineEnd = position;
            while (lineEnd < original.Length && !IsLineBreak(original[lineEnd]))
            {
                lineEnd++;
            }

            var line = Trim(original, position, lineEnd);
            if (line.Length == 0)
            {
                Flush(paragraphs, ref current, ref wordsSoFar);
            }
            else
            {
                if (current.Count > 0 && !ShouldJoin(original, current[^1], line, wordsSoFar))
                {
                    Flush(paragraphs, ref current, ref wordsSoFar);
                }

                current.Add(line);
                if (wordsSoFar <= HeadingMaxWords)
                {
                    wordsSoFar += CountWords(original, line, HeadingMaxWords + 1 - wordsSoFar);
                }
            }

            if (lineEnd >= original.Length)
            {
                break;
            }

            // \r\n is one break.
            position = original[lineEnd] == '\r' && lineEnd + 1 < original.Length && original[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        }

        Flush(paragraphs, ref current, ref wordsSoFar);
        return paragraphs;
    }

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f';

    private static void Flush(List<SourceParagraph> paragraphs, ref List<TextRange> current, ref int wordsSoFar)
    {
        if (current.Count > 0)
        {
            paragraphs.Add(new SourceParagraph(current));
            current = [];
        }

        wordsSoFar = 0;
    }

    private static TextRange Trim(string text, int start, int end)
    {
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return new TextRange(start, end);
    }

    internal static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u200C' or '\u200D' or '\u2060';

    private static int CountWords(string text, TextRange range, int limit)
    {
        var count = 0;
        var inWord = false;
        for (var i = range.Start; i < range.End && count < limit; i++)
        {
            if (IsBlank(text[i]))
            {
                inWord = false;
            }
            else if (!inWord && char.IsLetterOrDigit(text[i]))
            {
                inWord = true;
                count++;
            }
            else if (!inWord && !IsBlank(text[i]))
            {
                // Punctuation that starts a chunk: the chunk counts once it reaches a letter.
                var j = i;
                while (j < range.End && !IsBlank(text[j]) && !char.IsLetterOrDigit(text[j]))
                {
                    j++;
                }

                if (j < range.End && char.IsLetterOrDigit(text[j]))
                {
                    inWord = true;
                    count++;
                }

                i = j - 1;
            }
        }

        return count;
    }

    private static bool ShouldJoin(string text, TextRange previous, TextRange next, int wordsSoFar)
    {
        var first = FirstSignificant(text, next);
        var nextStartsLower = char.IsLower(first) || char.IsDigit(first);

        // Strip closing quotes and brackets to see how the line's last clause ends.
        var end = previous.End;
        while (end > previous.Start && IsCloser(text[end - 1]))
        {
            end--;
        }

        if (end == previous.Start)
        {
            return true;
        }

        var last = text[end - 1];
        if (last is '.' or '!' or '?' or '\u2026')
        {
            if (char.IsLower(first))
            {
                return true;
            }

            return last == '.' && end == previous.End && EndsWithAbbreviation(text, previous.Start, end - 1);
        }

        if (last is ',' or ';' or '-' or '\u2013' or '\u2014' or '(' or '[' or '\u201C' or '"' || nextStartsLower)
        {
            return true;
        }

        // A short line without terminal punctuation, not ending in a word that needs a continuation, followed by a
        // capitalised line: a heading ("No coordination, U.S. says" / "Is Iran coordinating ...").
        if (wordsSoFar <= HeadingMaxWords && !EndsWithJoiningWord(text, previous.Start, end))
        {
            return false;
        }

        return true;
    }

    /// <summary>The line's first character, or 'A' (a new unit) when it is a quotation mark, bracket or symbol such as "©".</summary>
    private static char FirstSignificant(string text, TextRange range)
    {
        var c = text[range.Start];
        return char.IsLetterOrDigit(c) ? c : 'A';
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB';

    private static bool EndsWithAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var length = dot - wordStart;
        if (length == 0)
        {
            return false;
        }

        // A single capital is an initial ("John F.").
        if (length == 1 && char.IsUpper(text[wordStart]))
        {
            return true;
        }

        return s_lineEndAbbreviations.Contains(text.AsSpan(wordStart, length).ToString());
    }

    private static bool EndsWithJoiningWord(string text, int start, int end)
    {
        var wordStart = end;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return wordStart < end && s_joiningWords.Contains(text.AsSpan(wordStart, end - wordStart).ToString());
    }
}
