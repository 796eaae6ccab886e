using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Alignments;

/// <summary>Trims an edit script to the stretches that are really shared.</summary>
/// <remarks>
/// Each equal word scores +1 and each unmatched word -GapPenalty; the shared stretches are the maximal-scoring
/// segments (found best-first, then recursively to either side). Between two matched words, a change of quotedness on
/// either side is a hard break, so `Kerry said Tuesday that "it's self-evident...` yields the quote alone, not the
/// attribution with it.
/// </remarks>
internal static class SharedSpans
{
    public static void Collect(List<EditStep> steps, KeySequence source, KeySequence target, AlignmentOptions options, List<SharedSpan> found)
    {
        var start = 0;
        var runStart = 0;
        bool? sourceQuoted = null;
        bool? targetQuoted = null;
        var lastEqual = -1;
        for (var x = 0; x < steps.Count; x++)
        {
            var step = steps[x];
            var breaks = false;
            if (step.IsEqual)
            {
                // Quotedness is compared between matched words only: an attribution inserted into a quote on one side
                // ("...coordinating," Kirby said, "nor...") is a gap to bridge, not a border.
                // Words that follow each other on both sides are one verbatim stretch: the quote and its attribution
                // are then copied text, and splitting them would cut the copy in two. A single word on one side of the
                // quote mark ("...spoke. "We are") is a coincidence, not a copy.
                var sq = IsQuoted(source, step.Source);
                var tq = IsQuoted(target, step.Target);
                runStart = lastEqual == x - 1 ? runStart : x;
                var changed = (sourceQuoted is { } sqPrevious && sqPrevious != sq) || (targetQuoted is { } tqPrevious && tqPrevious != tq);
                breaks |= changed && !(x - runStart >= 2 && RunEnd(steps, x) - x >= 2);
                breaks |= lastEqual >= 0 && ReplacedAcrossSentences(steps, lastEqual, x, source, target);
                sourceQuoted = sq;
                targetQuoted = tq;
                lastEqual = x;
            }

            if (breaks)
            {
                Segments(steps, start, x, source, target, options, found);
                start = x;
            }
        }

        Segments(steps, start, steps.Count, source, target, options, found);
    }

    // One past the last step of the unbroken stretch of equal steps starting at x.
    private static int RunEnd(List<EditStep> steps, int x)
    {
        while (x < steps.Count && steps[x].IsEqual)
        {
            x++;
        }

        return x;
    }

    // Words replaced on both sides across a sentence boundary mean two different texts that happen to share phrases
    // at their edges ("The New York Times reported on Tuesday that ... Secretary of State John Kerry said").
    private static bool ReplacedAcrossSentences(List<EditStep> steps, int from, int to, KeySequence source, KeySequence target)
    {
        if (to - from < 5)
        {
            return false;
        }

        int deleted = 0, inserted = 0;
        for (var x = from + 1; x < to; x++)
        {
            deleted += steps[x].Source >= 0 ? 1 : 0;
            inserted += steps[x].Target >= 0 ? 1 : 0;
        }

        // One word swapped for another ("then" for "the" around an ellipsis) is an edit, not a different text.
        return deleted >= 2 && inserted >= 2
            && (source.Passage[steps[from].Source] != source.Passage[steps[to].Source]
                || target.Passage[steps[from].Target] != target.Passage[steps[to].Target]);
    }

    private static bool IsQuoted(KeySequence keys, int position) =>
        (keys.Article.Tokens[keys.TokenIndex[position]].Flags & TokenFlags.Quoted) != 0;

    private static void Segments(List<EditStep> steps, int lo, int hi, KeySequence source, KeySequence target, AlignmentOptions options, List<SharedSpan> found)
    {
        if (hi - lo < options.MinMatchedTokens)
        {
            return;
        }

        // Kadane's maximum-sum segment.
        double best = 0, running = 0;
        int bestStart = -1, bestEnd = -1, runStart = lo;
        for (var x = lo; x < hi; x++)
        {
            running += steps[x].IsEqual ? 1 : -options.GapPenalty;
            if (running <= 0)
            {
                running = 0;
                runStart = x + 1;
                continue;
            }

            if (running > best)
            {
                best = running;
                bestStart = runStart;
                bestEnd = x + 1;
            }
        }

        if (bestStart < 0)
        {
            return;
        }

        Consider(steps, bestStart, bestEnd, source, target, options, found);
        Segments(steps, lo, bestStart, source, target, options, found);
        Segments(steps, bestEnd, hi, source, target, options, found);
    }

    private static void Consider(List<EditStep> steps, int from, int to, KeySequence source, KeySequence target, AlignmentOptions options, List<SharedSpan> found)
    {
        int matched = 0, sourceWords = 0, targetWords = 0;
        double content = 0;
        for (var x = from; x < to; x++)
        {
            var step = steps[x];
            if (step.Source >= 0)
            {
                sourceWords++;
            }

            if (step.Target >= 0)
            {
                targetWords++;
            }

            if (step.IsEqual)
            {
                matched++;
                // Names and titles ("Secretary of State John Kerry") are what stock attributions are made of: half weight.
                if (source.Content[step.Source])
                {
                    content += source.Capitalized[step.Source] && target.Capitalized[step.Target] ? 0.5 : 1;
                }
            }
        }

        var score = 2.0 * matched / (sourceWords + targetWords);
        if (matched < options.MinMatchedTokens || content < options.MinContentWeight || score < options.MinScore)
        {
            return;
        }

        var sourceTokens = new int[matched];
        var targetTokens = new int[matched];
        var m = 0;
        for (var x = from; x < to; x++)
        {
            if (steps[x].IsEqual)
            {
                sourceTokens[m] = source.TokenIndex[steps[x].Source];
                targetTokens[m] = target.TokenIndex[steps[x].Target];
                m++;
            }
        }

        found.Add(new SharedSpan(sourceTokens, targetTokens, matched, content, score));
    }
}
