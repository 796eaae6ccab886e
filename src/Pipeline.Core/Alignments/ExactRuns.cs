using Pipeline.Core.Candidates;
using Pipeline.Core.Collections;

namespace Pipeline.Core.Alignments;

/// <summary>Makes sure every long verbatim run two articles share lies inside one alignment.</summary>
/// <remarks>
/// The diff is the right tool for edited passages, but around repeated or reordered text (a photo caption that repeats
/// a paragraph, a paragraph moved elsewhere) it can pair words crosswise and cut a verbatim run in two. A maximal run of
/// at least <see cref="AlignmentOptions.MinMatchedTokens"/> identical matching words that no alignment contains on both
/// sides becomes an alignment of its own; alignments it crosses give up the words it takes and keep the rest when the
/// rest still qualifies.
/// </remarks>
internal static class ExactRuns
{
    public static void Rescue(List<(int I, int J)> seeds, KeySequence source, KeySequence target, AlignmentOptions options, List<SharedSpan> kept)
    {
        var runs = Find(seeds, source, target, options);
        if (runs.Count == 0)
        {
            return;
        }

        runs.Sort(static (a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : a.I.CompareTo(b.I));
        var taken = new List<(int I, int J, int Length)>();
        foreach (var run in runs)
        {
            if (Contained(run, source, target, kept) || Crosses(run, taken))
            {
                continue;
            }

            // A run repeated in one article can only be aligned once: it wins over the alignments it crosses only
            // when it is longer than what each of them would lose.
            var span = Exact(run, source, target, options);
            if (span is null || kept.Any(k => Taken(k, span) >= run.Length))
            {
                continue;
            }

            Carve(span, source, target, options, kept);
            kept.Add(span);
            taken.Add(run);
        }
    }

    // Maximal diagonal runs through the seeds, each reported once from its first position.
    private static List<(int I, int J, int Length)> Find(List<(int I, int J)> seeds, KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var runs = new List<(int I, int J, int Length)>();
        // Per diagonal (i - j), where the last run found on it ends: seeds come sorted by i, so a seed inside a run
        // already walked is skipped, and a long verbatim stretch is walked once, not once per seed.
        var walked = new Dictionary<int, int>();
        foreach (var (i0, j0) in seeds)
        {
            if (walked.TryGetValue(i0 - j0, out var end) && i0 < end)
            {
                continue;
            }

            int i = i0, j = j0;
            while (i > 0 && j > 0 && source.Hashes[i - 1] == target.Hashes[j - 1])
            {
                i--;
                j--;
            }

            var length = 0;
            while (i + length < source.Length && j + length < target.Length && source.Hashes[i + length] == target.Hashes[j + length])
            {
                length++;
            }

            walked[i - j] = i + length;
            if (length >= options.MinMatchedTokens)
            {
                runs.Add((i, j, length));
            }
        }

        return runs;
    }

    // A word of slack at each end: an alignment that stops short of a coincidental neighbour ("said" before a quote)
    // already holds the run.
    private static bool Contained((int I, int J, int Length) run, KeySequence source, KeySequence target, List<SharedSpan> kept)
    {
        var s0 = source.TokenIndex[run.I + 1];
        var s1 = source.TokenIndex[run.I + run.Length - 2];
        var t0 = target.TokenIndex[run.J + 1];
        var t1 = target.TokenIndex[run.J + run.Length - 2];
        foreach (var span in kept)
        {
            if (span.SourceFirst <= s0 && s1 <= span.SourceLast && span.TargetFirst <= t0 && t1 <= span.TargetLast)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Crosses((int I, int J, int Length) run, List<(int I, int J, int Length)> taken)
    {
        foreach (var other in taken)
        {
            if ((run.I < other.I + other.Length && other.I < run.I + run.Length) || (run.J < other.J + other.Length && other.J < run.J + run.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static SharedSpan? Exact((int I, int J, int Length) run, KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var sourceTokens = new int[run.Length];
        var targetTokens = new int[run.Length];
        double content = 0;
        for (var d = 0; d < run.Length; d++)
        {
            sourceTokens[d] = source.TokenIndex[run.I + d];
            targetTokens[d] = target.TokenIndex[run.J + d];
            content += ContentWeight(source, target, run.I + d, run.J + d);
        }

        return content < MinContentWeight(options) ? null : new SharedSpan(sourceTokens, targetTokens, run.Length, content, 1);
    }

    private static int Taken(SharedSpan span, SharedSpan run)
    {
        var taken = 0;
        for (var m = 0; m < span.Matched; m++)
        {
            taken += Inside(span, m, run) ? 1 : 0;
        }

        return taken;
    }

    private static bool Inside(SharedSpan span, int m, SharedSpan run) =>
        (span.SourceTokens[m] >= run.SourceFirst && span.SourceTokens[m] <= run.SourceLast)
        || (span.TargetTokens[m] >= run.TargetFirst && span.TargetTokens[m] <= run.TargetLast);

    // Takes the run's words out of every alignment that uses them, keeping the pieces on either side that still qualify.
    private static void Carve(SharedSpan run, KeySequence source, KeySequence target, AlignmentOptions options, List<SharedSpan> kept)
    {
        for (var x = kept.Count - 1; x >= 0; x--)
        {
            var span = kept[x];
            var sourceOverlap = span.SourceFirst <= run.SourceLast && run.SourceFirst <= span.SourceLast;
            var targetOverlap = span.TargetFirst <= run.TargetLast && run.TargetFirst <= span.TargetLast;
            if (!sourceOverlap && !targetOverlap)
            {
                continue;
            }

            kept.RemoveAt(x);
            var from = 0;
            for (var m = 0; m <= span.Matched; m++)
            {
                var inside = m < span.Matched && Inside(span, m, run);
                if (m == span.Matched || inside)
                {
                    if (Piece(span, from, m, source, target, options) is { } piece)
                    {
                        kept.Add(piece);
                    }

                    from = m + 1;
                }
            }
        }
    }

    private static SharedSpan? Piece(SharedSpan span, int from, int to, KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var matched = to - from;
        if (matched < options.MinMatchedTokens)
        {
            return null;
        }

        var sourceTokens = span.SourceTokens[from..to];
        var targetTokens = span.TargetTokens[from..to];
        double content = 0;
        for (var m = 0; m < matched; m++)
        {
            content += ContentWeight(source, target, Position(source, sourceTokens[m]), Position(target, targetTokens[m]));
        }

        var sourceWords = Position(source, sourceTokens[^1]) - Position(source, sourceTokens[0]) + 1;
        var targetWords = Position(target, targetTokens[^1]) - Position(target, targetTokens[0]) + 1;
        var score = 2.0 * matched / (sourceWords + targetWords);
        return content < options.MinContentWeight || score < options.MinScore
            ? null
            : new SharedSpan(sourceTokens, targetTokens, matched, content, score);
    }

    // A verbatim run of eight or more words is shared text even when most of it is a name ("the National Academy of
    // Recording Arts and Sciences", 2.5): it needs half a content word less than an edited passage. Stock attributions
    // stay below it ("Secretary of State John Kerry said on Tuesday" weighs 2, "The New York Times reported on Tuesday
    // that" 1.5).
    private static double MinContentWeight(AlignmentOptions options) => options.MinContentWeight - 0.5;

    private static int Position(KeySequence keys, int token) => SortedSearch.LowerBound<int>(keys.TokenIndex, token);

    // As the diff's spans weigh them: content words 1, capitalized on both sides (names, titles) 0.5, stopwords 0.
    private static double ContentWeight(KeySequence source, KeySequence target, int i, int j) =>
        !source.Content[i] ? 0 : source.Capitalized[i] && target.Capitalized[j] ? 0.5 : 1;
}
