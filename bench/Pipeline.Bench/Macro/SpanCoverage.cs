namespace Pipeline.Bench.Macro;

/// <summary>How much of a planted span a set of reported spans covers: the recall test of every aligner here.</summary>
internal static class SpanCoverage
{
    /// <summary>A planted passage counts as found when matched spans cover at least this share of it on both sides.</summary>
    public const double FoundThreshold = 0.5;

    /// <summary>Share of [start, end) covered by the union of <paramref name="spans"/>.</summary>
    public static double Of(int start, int end, IEnumerable<(int Start, int End)> spans)
    {
        var clipped = spans
            .Select(s => (Start: Math.Max(s.Start, start), End: Math.Min(s.End, end)))
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start)
            .ToList();
        var covered = 0;
        var reach = start;
        foreach (var (s, e) in clipped)
        {
            var from = Math.Max(s, reach);
            if (e > from)
            {
                covered += e - from;
                reach = e;
            }
        }

        return end > start ? (double)covered / (end - start) : 0;
    }

    /// <summary>
    /// Whether matched pairs of spans (query side, stored side) find a planted passage: only pairs touching the passage
    /// on both sides count, and together they must cover <see cref="FoundThreshold"/> of each copy.
    /// </summary>
    public static bool Found(
        (int Start, int End) inQuery,
        (int Start, int End) inStored,
        IEnumerable<((int Start, int End) Query, (int Start, int End) Stored)> matches)
    {
        var touching = matches
            .Where(m => Overlaps(m.Query, inQuery) && Overlaps(m.Stored, inStored))
            .ToList();
        return touching.Count > 0
            && Of(inQuery.Start, inQuery.End, touching.Select(m => m.Query)) >= FoundThreshold
            && Of(inStored.Start, inStored.End, touching.Select(m => m.Stored)) >= FoundThreshold;
    }

    private static bool Overlaps((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;
}
