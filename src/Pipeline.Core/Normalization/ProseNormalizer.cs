using System.Text;

namespace Pipeline.Core.Normalization;

/// <summary>
/// Turns original text into the kept prose: paragraphs rebuilt from lines, boilerplate dropped, whitespace collapsed,
/// paragraphs separated by "\n\n"; records where every character came from.
/// </summary>
internal static class ProseNormalizer
{
    public static NormalizedText Normalize(string original)
    {
        var paragraphs = LayoutRepair.Paragraphs(original);
        var roles = Boilerplate.Classify(original, paragraphs);
        var builder = new OffsetMapBuilder(original);
        var ranges = new List<TextRange>();
        string? title = null;
        var previousEnd = -1;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            switch (roles[p])
            {
                case ParagraphRole.Boilerplate:
                    continue;
                case ParagraphRole.Title:
                    title = Collapse(original, paragraph);
                    continue;
            }

            if (previousEnd >= 0)
            {
                // Both break characters stand for the line break that ended the previous kept paragraph.
                var at = FirstLineBreakAfter(original, previousEnd);
                builder.Synthesize('\n', at);
                builder.Synthesize('\n', at);
            }

            var start = builder.Length;
            AppendParagraph(original, paragraph, builder);
            ranges.Add(new TextRange(start, builder.Length));
            previousEnd = paragraph.End;
        }

        var (text, map) = builder.Build();
        return new NormalizedText(text, map, title, ranges);
    }

    private static int FirstLineBreakAfter(string original, int index)
    {
        for (var i = index; i < original.Length; i++)
        {
            if (LayoutRepair.IsLineBreak(original[i]))
            {
                return i;
            }
        }

        return Math.Max(0, Math.Min(index, original.Length - 1));
    }

    private static void AppendParagraph(string original, SourceParagraph paragraph, OffsetMapBuilder builder)
    {
        for (var l = 0; l < paragraph.Lines.Count; l++)
        {
            var line = paragraph.Lines[l];
            if (l > 0)
            {
                var previous = paragraph.Lines[l - 1];
                if (!IsHyphenatedBreak(original, previous, line))
                {
                    builder.Synthesize(' ', previous.End);
                }
            }

            AppendCollapsed(original, line, builder);
        }
    }

    /// <summary>"de-" at a line end followed by "conflict": the word continues, so no space is inserted.</summary>
    private static bool IsHyphenatedBreak(string original, TextRange previous, TextRange next) =>
        previous.Length >= 2 && original[previous.End - 1] == '-' && char.IsLetter(original[previous.End - 2])
        && next.Length > 0 && char.IsLower(original[next.Start]);

    private static void AppendCollapsed(string original, TextRange line, OffsetMapBuilder builder)
    {
        var runStart = line.Start;
        var i = line.Start;
        while (i < line.End)
        {
            if (!LayoutRepair.IsBlank(original[i]))
            {
                i++;
                continue;
            }

            var blankStart = i;
            while (i < line.End && LayoutRepair.IsBlank(original[i]))
            {
                i++;
            }

            if (i - blankStart == 1 && original[blankStart] == ' ')
            {
                continue;
            }

            builder.Copy(runStart, blankStart);
            builder.Synthesize(' ', blankStart);
            runStart = i;
        }

        builder.Copy(runStart, line.End);
    }

    private static string Collapse(string original, SourceParagraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var line in paragraph.Lines)
        {
            var pendingSpace = sb.Length > 0;
            for (var i = line.Start; i < line.End; i++)
            {
                if (LayoutRepair.IsBlank(original[i]))
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace)
                {
                    sb.Append(' ');
                    pendingSpace = false;
                }

                sb.Append(original[i]);
            }
        }

        return sb.ToString();
    }
}
