using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Alignments;

/// <summary>Finds the passages two articles share (quotes, wire paragraphs) and how each outlet's version differs.</summary>
public static class PassageAligner
{
    /// <summary>Aligns the passages shared by two articles.</summary>
    /// <remarks>
    /// Seeds are shared 3-word shingles; only the regions around chains of seeds are diffed (never whole articles),
    /// widened to neighbouring sentences, diffed word by word with DiffPlex over matching keys (editorial insertions
    /// skipped), then trimmed to the shared stretch. The result is symmetric: the pair is always computed in a canonical
    /// order and mirrored, so Align(b, a) is Align(a, b) with the sides swapped.
    /// </remarks>
    /// <returns>Non-overlapping alignments ordered by their position in <paramref name="source"/>.</returns>
    public static IReadOnlyList<Alignment> Align(Article source, Article target, AlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        options ??= AlignmentOptions.Default;

        var swap = CanonicalOrder(source, target) > 0;
        var (first, second) = swap ? (target, source) : (source, target);
        var spans = Shared(KeySequence.Of(first), KeySequence.Of(second), options);

        var alignments = new List<Alignment>(spans.Count);
        foreach (var span in spans)
        {
            alignments.Add(swap
                ? AlignmentRendering.Render(source, target, span.TargetTokens, span.SourceTokens, span.Score)
                : AlignmentRendering.Render(source, target, span.SourceTokens, span.TargetTokens, span.Score));
        }

        alignments.Sort(static (a, b) => a.Source.Start != b.Source.Start ? a.Source.Start.CompareTo(b.Source.Start) : a.Target.Start.CompareTo(b.Target.Start));
        return alignments;
    }

    internal static List<SharedSpan> Shared(KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var found = new List<SharedSpan>();
        var seeds = SeedRegions.Seeds(source, target, Math.Max(1, options.SeedLength));
        foreach (var region in SeedRegions.FromSeeds(seeds, source, target, options))
        {
            foreach (var piece in Pieces(region, options.MaxRegionTokens))
            {
                var steps = RegionDiff.Diff(source, target, piece);
                SharedSpans.Collect(steps, source, target, options, found);
            }
        }

        // Widened regions can overlap, so the same words may be found twice: keep the strongest, one use per word.
        found.Sort(static (a, b) =>
        {
            var c = b.Matched.CompareTo(a.Matched);
            if (c == 0)
            {
                c = b.Score.CompareTo(a.Score);
            }

            if (c == 0)
            {
                c = a.SourceFirst.CompareTo(b.SourceFirst);
            }

            return c != 0 ? c : a.TargetFirst.CompareTo(b.TargetFirst);
        });

        var kept = new List<SharedSpan>(found.Count);
        foreach (var span in found)
        {
            var overlaps = false;
            foreach (var other in kept)
            {
                if ((span.SourceFirst <= other.SourceLast && other.SourceFirst <= span.SourceLast)
                    || (span.TargetFirst <= other.TargetLast && other.TargetFirst <= span.TargetLast))
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(span);
            }
        }

        // Diffs of regions with repeated or reordered text can pair words crosswise and leave a verbatim stretch
        // split or unaligned; every identical run the diff missed is aligned on its own.
        ExactRuns.Rescue(seeds, source, target, options, kept);
        QuoteFragments.Add(source, target, options, kept);
        var tight = new List<SharedSpan>(kept.Count);
        foreach (var span in kept)
        {
            if (TightSpans.Trim(span, source, target, options) is { } trimmed)
            {
                tight.Add(trimmed);
            }
        }

        return tight;
    }

    // Diff cost grows with region size times differences; a huge shared region (two long near-copies) is diffed in
    // consecutive pieces along its diagonal, at worst splitting one alignment at a piece boundary.
    private static IEnumerable<Region> Pieces(Region region, int max)
    {
        var sourceLength = region.SourceEnd - region.SourceStart;
        var targetLength = region.TargetEnd - region.TargetStart;
        var count = (Math.Max(sourceLength, targetLength) + max - 1) / Math.Max(1, max);
        if (count <= 1)
        {
            yield return region;
            yield break;
        }

        for (var p = 0; p < count; p++)
        {
            yield return new Region(
                region.SourceStart + (int)((long)sourceLength * p / count),
                region.SourceStart + (int)((long)sourceLength * (p + 1) / count),
                region.TargetStart + (int)((long)targetLength * p / count),
                region.TargetStart + (int)((long)targetLength * (p + 1) / count));
        }
    }

    private static int CanonicalOrder(Article a, Article b)
    {
        var c = string.CompareOrdinal(a.Name, b.Name);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Original, b.Original);
        }

        return c != 0 ? c : a.Tokens.Count.CompareTo(b.Tokens.Count);
    }
}
