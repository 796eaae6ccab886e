using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Alignments;

/// <summary>Turns equal word pairs into an <see cref="Alignment"/> with spans, kind, speaker and word-level diff.</summary>
internal static class AlignmentRendering
{
    public static Alignment Render(Article source, Article target, int[] sourceTokens, int[] targetTokens, double score)
    {
        var sourceSpan = Span(source, sourceTokens[0], sourceTokens[^1]);
        var targetSpan = Span(target, targetTokens[0], targetTokens[^1]);
        var kind = MostlyQuoted(source, sourceTokens[0], sourceTokens[^1]) || MostlyQuoted(target, targetTokens[0], targetTokens[^1])
            ? PassageKind.Quote
            : PassageKind.Text;
        return new Alignment(sourceSpan, targetSpan, Math.Round(score, 4), kind, Diff(source, target, sourceTokens, targetTokens));
    }

    private static AlignedSpan Span(Article article, int firstToken, int lastToken)
    {
        var start = article.Tokens[firstToken].Start;
        var end = article.Tokens[lastToken].End;
        return new AlignedSpan(article.Name, start, end, article.Original[start..end], SpeakerOf(article, start, end));
    }

    private static bool MostlyQuoted(Article article, int firstToken, int lastToken)
    {
        int quoted = 0, all = 0;
        for (var t = firstToken; t <= lastToken; t++)
        {
            var flags = article.Tokens[t].Flags;
            if ((flags & TokenFlags.Editorial) != 0)
            {
                continue;
            }

            all++;
            if ((flags & TokenFlags.Quoted) != 0)
            {
                quoted++;
            }
        }

        return quoted * 2 > all;
    }

    // The speaker of the passage that overlaps the span most, preferring quotations.
    private static string? SpeakerOf(Article article, int start, int end)
    {
        string? best = null;
        var bestOverlap = 0;
        var bestIsQuote = false;
        foreach (var passage in article.Passages)
        {
            if (passage.Speaker is null || passage.End <= start || passage.Start >= end)
            {
                continue;
            }

            var overlap = Math.Min(end, passage.End) - Math.Max(start, passage.Start);
            var isQuote = passage.Kind == PassageKind.Quote;
            if ((isQuote && !bestIsQuote) || (isQuote == bestIsQuote && overlap > bestOverlap))
            {
                best = passage.Speaker;
                bestOverlap = overlap;
                bestIsQuote = isQuote;
            }
        }

        return best;
    }

    private static List<DiffRun> Diff(Article source, Article target, int[] sourceTokens, int[] targetTokens)
    {
        var runs = new List<DiffRun>();
        var equalStart = sourceTokens[0];
        for (var m = 1; m < sourceTokens.Length; m++)
        {
            var sourceGap = sourceTokens[m] - sourceTokens[m - 1] > 1;
            var targetGap = targetTokens[m] - targetTokens[m - 1] > 1;
            if (!sourceGap && !targetGap)
            {
                continue;
            }

            runs.Add(new DiffRun(DiffOp.Equal, Text(source, equalStart, sourceTokens[m - 1], false)));
            if (sourceGap)
            {
                runs.Add(new DiffRun(DiffOp.Delete, Text(source, sourceTokens[m - 1] + 1, sourceTokens[m] - 1, true)));
            }

            if (targetGap)
            {
                runs.Add(new DiffRun(DiffOp.Insert, Text(target, targetTokens[m - 1] + 1, targetTokens[m] - 1, true)));
            }

            equalStart = sourceTokens[m];
        }

        runs.Add(new DiffRun(DiffOp.Equal, Text(source, equalStart, sourceTokens[^1], false)));
        return runs;
    }

    // Original text from the first token to the last; a changed run that starts or ends with an editorial
    // insertion keeps its brackets, so "[ISIL]" reads as inserted rather than as "ISIL".
    private static string Text(Article article, int firstToken, int lastToken, bool changed)
    {
        var tokens = article.Tokens;
        var start = tokens[firstToken].Start;
        var end = tokens[lastToken].End;
        var text = article.Original;
        if (changed)
        {
            if ((tokens[firstToken].Flags & TokenFlags.Editorial) != 0)
            {
                while (start > 0 && IsOpening(text[start - 1]))
                {
                    start--;
                }
            }

            if ((tokens[lastToken].Flags & TokenFlags.Editorial) != 0)
            {
                while (end < text.Length && IsClosing(text[end]))
                {
                    end++;
                }
            }
        }

        return Collapse(text.AsSpan(start, end - start));
    }

    private static bool IsOpening(char c) => c is '[' or '(' or '{';

    private static bool IsClosing(char c) => c is ']' or ')' or '}';

    // Line breaks inside a run (hard-wrapped sources) are layout, not text.
    private static string Collapse(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\n', '\r') < 0)
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
