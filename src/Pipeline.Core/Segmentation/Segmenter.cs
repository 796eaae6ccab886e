using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Segmentation;

/// <summary>
/// Splits normalized paragraphs into passages: quotations and narrative sentences, with speakers for quotations.
/// </summary>
/// <remarks>
/// Passages partition each paragraph's words: a quotation is its own <see cref="PassageKind.Quote"/> passage covering the
/// quoted words only (without the marks), however many sentences it spans; the narrative around it is split into
/// sentences, each a <see cref="PassageKind.Text"/> passage, and a sentence is cut where a quotation starts or ends
/// (so in "\"...,\" Kirby said." the narrative passage is "Kirby said."). A sentence that is entirely a quote is just the
/// quote passage. A paragraph that ends inside an open quotation continues it into the next paragraph when that one starts
/// with a quotation mark; the parts share the speaker.
/// </remarks>
internal static class Segmenter
{
    private const int PronounLookBack = 4;
    private const int MaxEditorialLength = 120;
    private const int MaxAttributionGap = 160;

    public static Segmentation Segment(string text, IReadOnlyList<TextRange> paragraphs)
    {
        var segments = new List<Segment>();
        var quotes = new List<TextRange>();
        var editorial = new List<TextRange>();
        var quoteInfos = new List<QuoteInfo>();
        var previousEndedOpen = false;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            var found = FindQuotes(text, paragraph);
            var continuation = previousEndedOpen && StartsWithQuote(text, paragraph);
            var cursor = paragraph.Start;
            for (var q = 0; q < found.Count; q++)
            {
                var quote = found[q];
                AddNarrative(text, cursor, quote.Open, segments);
                var content = Trim(text, quote.Open + 1, quote.Close);
                if (HasWord(text, content.Start, content.End))
                {
                    var info = new QuoteInfo(segments.Count, p, q, content, quote, continuation && q == 0);
                    segments.Add(new Segment(content.Start, content.End, PassageKind.Quote, null));
                    quotes.Add(content);
                    quoteInfos.Add(info);
                    FindEditorial(text, content, editorial);
                }

                cursor = quote.Close < paragraph.End ? quote.Close + 1 : paragraph.End;
            }

            AddNarrative(text, cursor, paragraph.End, segments);
            FindBrackets(text, paragraph, editorial);
            previousEndedOpen = found.Count > 0 && found[^1].Close >= paragraph.End;
        }

        AssignSpeakers(text, paragraphs, segments, quoteInfos);
        editorial.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Segmentation(segments, quotes, editorial);
    }

    private static void AssignSpeakers(string text, IReadOnlyList<TextRange> paragraphs, List<Segment> segments, List<QuoteInfo> infos)
    {
        var speakers = new string?[infos.Count];
        var kinds = new AttributionKind[infos.Count];
        for (var i = 0; i < infos.Count; i++)
        {
            var info = infos[i];
            var paragraph = paragraphs[info.Paragraph];
            var afterStart = Math.Min(info.Marks.Close + 1, paragraph.End);
            var afterEnd = i + 1 < infos.Count && infos[i + 1].Paragraph == info.Paragraph ? infos[i + 1].Marks.Open : paragraph.End;
            var found = AttributionFinder.AfterQuote(text, afterStart, Math.Max(afterStart, afterEnd));
            if (found.Kind == AttributionKind.None)
            {
                var beforeStart = i > 0 && infos[i - 1].Paragraph == info.Paragraph ? Math.Min(infos[i - 1].Marks.Close + 1, info.Marks.Open) : paragraph.Start;
                var breaks = SentenceBreaks.Find(text, beforeStart, info.Marks.Open);
                if (breaks.Count > 0)
                {
                    beforeStart = breaks[^1];
                }

                found = AttributionFinder.BeforeQuote(text, beforeStart, info.Marks.Open);
            }

            kinds[i] = found.Kind;
            speakers[i] = found.Kind switch
            {
                AttributionKind.Named => found.Name,
                AttributionKind.Pronoun => ResolvePronoun(text, segments, infos, speakers, i),
                _ => null,
            };
        }

        // A quote without any attribution continues the previous quote's speaker within a paragraph, or across a
        // multi-paragraph quotation; an unattributed part of a multi-paragraph quotation takes the speaker named later.
        for (var i = 1; i < infos.Count; i++)
        {
            if (kinds[i] == AttributionKind.None && speakers[i] is null
                && ((infos[i].Paragraph == infos[i - 1].Paragraph && Adjacent(text, infos[i - 1].Marks.Close, infos[i].Marks.Open)) || infos[i].ContinuesPrevious))
            {
                speakers[i] = speakers[i - 1];
            }
        }

        for (var i = infos.Count - 2; i >= 0; i--)
        {
            if (speakers[i] is null && kinds[i] == AttributionKind.None && infos[i + 1].ContinuesPrevious)
            {
                speakers[i] = speakers[i + 1];
            }
        }

        for (var i = 0; i < infos.Count; i++)
        {
            if (speakers[i] is not null)
            {
                segments[infos[i].Segment] = segments[infos[i].Segment] with { Speaker = speakers[i] };
            }
        }
    }

    /// <summary>Two quotations are parts of one utterance when at most an attribution sentence stands between them.</summary>
    private static bool Adjacent(string text, int previousClose, int open) =>
        open - previousClose <= MaxAttributionGap && SentenceBreaks.Find(text, Math.Min(previousClose + 1, open), open).Count <= 1;

    private static string? ResolvePronoun(string text, List<Segment> segments, List<QuoteInfo> infos, string?[] speakers, int index)
    {
        var info = infos[index];
        if (index > 0 && infos[index - 1].Paragraph == info.Paragraph && speakers[index - 1] is not null)
        {
            return speakers[index - 1];
        }

        var looked = 0;
        for (var s = info.Segment - 1; s >= 0 && looked < PronounLookBack; s--)
        {
            var segment = segments[s];
            if (segment.Kind == PassageKind.Quote)
            {
                if (segment.Speaker is not null)
                {
                    return segment.Speaker;
                }

                continue;
            }

            looked++;
            var found = AttributionFinder.Anywhere(text, segment.Start, segment.End);
            if (found.Kind == AttributionKind.Named)
            {
                return found.Name;
            }
        }

        for (var i = index - 1; i >= 0; i--)
        {
            if (speakers[i] is not null)
            {
                return speakers[i];
            }
        }

        return null;
    }

    private static List<QuoteSpan> FindQuotes(string text, TextRange paragraph)
    {
        var found = new List<QuoteSpan>();
        var open = -1;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            var c = text[i];
            if (!QuoteMarks.IsQuote(c))
            {
                continue;
            }

            if (open < 0)
            {
                if (!QuoteMarks.IsCloseOnly(c))
                {
                    open = i;
                }
            }
            else if (!QuoteMarks.IsOpenOnly(c))
            {
                found.Add(new QuoteSpan(open, i));
                open = -1;
            }
        }

        if (open >= 0)
        {
            found.Add(new QuoteSpan(open, paragraph.End));
        }

        return found;
    }

    private static bool StartsWithQuote(string text, TextRange paragraph) =>
        paragraph.Length > 0 && QuoteMarks.IsQuote(text[paragraph.Start]) && !QuoteMarks.IsCloseOnly(text[paragraph.Start]);

    private static void AddNarrative(string text, int start, int end, List<Segment> segments)
    {
        if (end <= start)
        {
            return;
        }

        var from = start;
        foreach (var b in SentenceBreaks.Find(text, start, end))
        {
            AddSentence(text, from, b, segments);
            from = b;
        }

        AddSentence(text, from, end, segments);
    }

    private static void AddSentence(string text, int start, int end, List<Segment> segments)
    {
        var range = Trim(text, start, end);
        if (HasWord(text, range.Start, range.End))
        {
            segments.Add(new Segment(range.Start, range.End, PassageKind.Text, null));
        }
    }

    /// <summary>Inside a quotation, "(the Iranians)" and "[ISIL]" are the writer's words, not the speaker's.</summary>
    private static void FindEditorial(string text, TextRange quote, List<TextRange> editorial)
    {
        for (var i = quote.Start; i < quote.End; i++)
        {
            if (text[i] != '(')
            {
                continue;
            }

            var close = text.IndexOf(')', i + 1, Math.Min(MaxEditorialLength, quote.End - i - 1));
            if (close > i)
            {
                editorial.Add(new TextRange(i, close + 1));
                i = close;
            }
        }
    }

    /// <summary>Square brackets are editorial wherever they stand.</summary>
    private static void FindBrackets(string text, TextRange paragraph, List<TextRange> editorial)
    {
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            if (text[i] != '[')
            {
                continue;
            }

            var close = text.IndexOf(']', i + 1, Math.Min(MaxEditorialLength, paragraph.End - i - 1));
            if (close > i)
            {
                editorial.Add(new TextRange(i, close + 1));
                i = close;
            }
        }
    }

    private static TextRange Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextRange(start, end);
    }

    private static bool HasWord(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Positions of a quotation's marks; Close is the paragraph end when the quotation is left open.</summary>
    private readonly record struct QuoteSpan(int Open, int Close);

    /// <summary>A found quotation: its segment index, paragraph, content range, marks and whether it continues the previous paragraph's.</summary>
    private readonly record struct QuoteInfo(int Segment, int Paragraph, int IndexInParagraph, TextRange Content, QuoteSpan Marks, bool ContinuesPrevious);
}
