namespace Pipeline.Core.Articles;

/// <summary>Maps positions in a normalized text back to the original text it was derived from.</summary>
/// <remarks>
/// Stored as runs: each run says "normalized [From, From+Length) came from original [OriginalFrom, OriginalFrom+Length)",
/// with collapsed whitespace and joins mapped to the nearest original position, so the map stays small.
/// </remarks>
/// <param name="Runs">Runs ordered by <see cref="OffsetRun.From"/>, covering the normalized text.</param>
public sealed record OffsetMap(IReadOnlyList<OffsetRun> Runs)
{
    /// <summary>
    /// The original offset that normalized position <paramref name="offset"/> came from. Positions past the end map just
    /// past the last mapped original character; synthesized characters (a collapsed space, a paragraph break) map to the
    /// original whitespace they replace.
    /// </summary>
    public int ToOriginal(int offset)
    {
        if (Runs.Count == 0)
        {
            return 0;
        }

        int lo = 0, hi = Runs.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (Runs[mid].From <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var run = Runs[lo];
        if (offset < run.From)
        {
            return run.OriginalFrom;
        }

        return offset < run.From + run.Length ? run.OriginalFrom + (offset - run.From) : run.OriginalFrom + run.Length;
    }

    /// <summary>The original span [start, end) that normalized span [<paramref name="start"/>, <paramref name="end"/>) came from.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (end <= start)
        {
            var at = ToOriginal(start);
            return (at, at);
        }

        return (ToOriginal(start), ToOriginal(end - 1) + 1);
    }
}

/// <summary>A stretch of normalized text copied unchanged from the original.</summary>
/// <param name="From">Start in the normalized text.</param>
/// <param name="OriginalFrom">Start in the original text.</param>
/// <param name="Length">Length of the stretch.</param>
public readonly record struct OffsetRun(int From, int OriginalFrom, int Length);
