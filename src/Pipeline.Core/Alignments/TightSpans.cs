using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Alignments;

/// <summary>Ends an alignment where the shared text ends, not a few coincidental words into a neighbouring sentence.</summary>
/// <remarks>
/// A verbatim sentence set between unrelated ones still shares words with them by chance: "...for the city. The Rail
/// Accident..." against "...south of the city. The Rail Accident..." is an exact run that starts with "the city". A
/// span's first (or last) few matched words are dropped when a sentence end separates them from the rest on both
/// sides, they are fewer than <see cref="MaxStrayWords"/>, and they are only the tail (or head) of their sentence on
/// either side: a whole short sentence shared by both ("No fight.") is shared text and stays.
/// </remarks>
internal static class TightSpans
{
    private const int MaxStrayWords = 4;

    public static SharedSpan? Trim(SharedSpan span, KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var from = 0;
        var to = span.Matched;
        var head = Group(span, source.Article, target.Article, 0, 1);
        if (head < to && head < MaxStrayWords
            && SentenceEndBetween(source.Article, span.SourceTokens[head - 1], span.SourceTokens[head])
            && SentenceEndBetween(target.Article, span.TargetTokens[head - 1], span.TargetTokens[head])
            && (!StartsPassage(source.Article, span.SourceTokens[0]) || !StartsPassage(target.Article, span.TargetTokens[0])))
        {
            from = head;
        }

        var tail = Group(span, source.Article, target.Article, to - 1, -1);
        if (tail < to - from && tail < MaxStrayWords
            && SentenceEndBetween(source.Article, span.SourceTokens[^(tail + 1)], span.SourceTokens[^tail])
            && SentenceEndBetween(target.Article, span.TargetTokens[^(tail + 1)], span.TargetTokens[^tail])
            && (!EndsPassage(source.Article, span.SourceTokens[^1]) || !EndsPassage(target.Article, span.TargetTokens[^1])))
        {
            to -= tail;
        }

        if (from == 0 && to == span.Matched)
        {
            return span;
        }

        return Rebuild(span, from, to, source, target, options);
    }

    // How many matched pairs from `start` (walking by `step`) share the first pair's passage on both sides.
    private static int Group(SharedSpan span, Article source, Article target, int start, int step)
    {
        var sp = PassageOf(source, span.SourceTokens[start]);
        var tp = PassageOf(target, span.TargetTokens[start]);
        var count = 0;
        for (var m = start; m >= 0 && m < span.Matched; m += step)
        {
            if (PassageOf(source, span.SourceTokens[m]) != sp || PassageOf(target, span.TargetTokens[m]) != tp)
            {
                break;
            }

            count++;
        }

        return count;
    }

    // Whether a sentence ends between two tokens: a full stop, question or exclamation mark in the text between them.
    // Passages are sentences and quotations, so a passage boundary alone may be a quote mark inside one sentence.
    private static bool SentenceEndBetween(Article article, int before, int after)
    {
        var start = article.Tokens[before].End;
        var end = article.Tokens[after].Start;
        return end > start && article.Original.AsSpan(start, end - start).IndexOfAny('.', '!', '?') >= 0;
    }

    private static bool StartsPassage(Article article, int token)
    {
        var p = PassageOf(article, token);
        return p < 0 || FirstMatching(article, article.Passages[p]) >= token;
    }

    private static bool EndsPassage(Article article, int token)
    {
        var p = PassageOf(article, token);
        return p < 0 || LastMatching(article, article.Passages[p]) <= token;
    }

    private static int FirstMatching(Article article, Passage passage)
    {
        var end = Math.Min(article.Tokens.Count, passage.FirstToken + passage.TokenCount);
        for (var t = passage.FirstToken; t < end; t++)
        {
            if (KeySequence.IsMatching(article.Tokens[t]))
            {
                return t;
            }
        }

        return passage.FirstToken;
    }

    private static int LastMatching(Article article, Passage passage)
    {
        for (var t = Math.Min(article.Tokens.Count, passage.FirstToken + passage.TokenCount) - 1; t >= passage.FirstToken; t--)
        {
            if (KeySequence.IsMatching(article.Tokens[t]))
            {
                return t;
            }
        }

        return passage.FirstToken;
    }

    private static int PassageOf(Article article, int token) => Collections.SortedSearch.PassageAt(article.Passages, token);

    private static SharedSpan? Rebuild(SharedSpan span, int from, int to, KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var matched = to - from;
        // A passage alignment stays one (eight words); only a quoted fragment was allowed fewer to begin with.
        var least = span.Matched < options.MinMatchedTokens ? options.MinQuoteTokens : options.MinMatchedTokens;
        if (matched < least)
        {
            return null;
        }

        var sourceTokens = span.SourceTokens[from..to];
        var targetTokens = span.TargetTokens[from..to];
        var sourceWords = Position(source, sourceTokens[^1]) - Position(source, sourceTokens[0]) + 1;
        var targetWords = Position(target, targetTokens[^1]) - Position(target, targetTokens[0]) + 1;
        var score = Math.Min(1, 2.0 * matched / (sourceWords + targetWords));
        return new SharedSpan(sourceTokens, targetTokens, matched, span.Content, score);
    }

    private static int Position(KeySequence keys, int token) => Collections.SortedSearch.LowerBound<int>(keys.TokenIndex, token);
}
