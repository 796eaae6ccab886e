using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;
using Pipeline.Core.Collections;

namespace Pipeline.Core.Alignments;

/// <summary>Finds where two articles share shingles and groups those seeds into regions to diff.</summary>
internal static class SeedRegions
{
    // A shingle repeated more often than this inside one article is boilerplate of that article, not a seed.
    private const int MaxOccurrences = 8;

    public static List<Region> Find(KeySequence source, KeySequence target, AlignmentOptions options) =>
        FromSeeds(Seeds(source, target, Math.Max(1, options.SeedLength)), source, target, options);

    /// <summary>Regions around chains of <paramref name="seeds"/> (as <see cref="Seeds"/> finds them), widened to neighbouring sentences.</summary>
    public static List<Region> FromSeeds(List<(int I, int J)> seeds, KeySequence source, KeySequence target, AlignmentOptions options)
    {
        var k = Math.Max(1, options.SeedLength);
        if (seeds.Count < 2)
        {
            return [];
        }

        // Merge before widening: widened regions of two crossing passages overlap, and one diff cannot align both.
        var regions = Merge(Chain(seeds, k, options.MaxSeedGap));
        for (var i = 0; i < regions.Count; i++)
        {
            regions[i] = Widen(regions[i], source, target, options.ContextTokens);
        }

        return regions;
    }

    /// <summary>Every pair of positions (sorted) where both sequences have the same k-shingle, not made of stopwords only.</summary>
    public static List<(int I, int J)> Seeds(KeySequence source, KeySequence target, int k)
    {
        var seeds = new List<(int I, int J)>();
        if (source.Length < k || target.Length < k)
        {
            return seeds;
        }

        var head = new Dictionary<ulong, int>(source.Length);
        var counts = new Dictionary<ulong, int>(source.Length);
        var next = new int[source.Length];
        for (var i = source.Length - k; i >= 0; i--)
        {
            next[i] = -1;
            if (source.ShingleAt(i, k) is not { } hash)
            {
                continue;
            }

            next[i] = head.TryGetValue(hash, out var previous) ? previous : -1;
            head[hash] = i;
            counts[hash] = counts.GetValueOrDefault(hash) + 1;
        }

        for (var j = 0; j + k <= target.Length; j++)
        {
            if (target.ShingleAt(j, k) is not { } hash || !head.TryGetValue(hash, out var i) || counts[hash] > MaxOccurrences)
            {
                continue;
            }

            for (; i >= 0; i = next[i])
            {
                seeds.Add((i, j));
            }
        }

        seeds.Sort();
        return seeds;
    }

    private static List<Region> Chain(List<(int I, int J)> seeds, int k, int gap)
    {
        var parent = DisjointSets.Create(seeds.Count);

        for (var x = 1; x < seeds.Count; x++)
        {
            var (ix, jx) = seeds[x];
            for (var y = x - 1; y >= 0 && ix - seeds[y].I <= gap; y--)
            {
                var (iy, jy) = seeds[y];
                if (Math.Abs(jx - jy) <= gap && Math.Abs((ix - jx) - (iy - jy)) <= gap)
                {
                    DisjointSets.Union(parent, x, y);
                }
            }
        }

        var boxes = new Dictionary<int, (Region Box, int Seeds)>();
        for (var x = 0; x < seeds.Count; x++)
        {
            var root = DisjointSets.Find(parent, x);
            var (i, j) = seeds[x];
            boxes[root] = boxes.TryGetValue(root, out var b)
                ? (new Region(Math.Min(b.Box.SourceStart, i), Math.Max(b.Box.SourceEnd, i + k), Math.Min(b.Box.TargetStart, j), Math.Max(b.Box.TargetEnd, j + k)), b.Seeds + 1)
                : (new Region(i, i + k, j, j + k), 1);
        }

        var regions = new List<Region>(boxes.Count);
        foreach (var (box, count) in boxes.Values)
        {
            // A single shared shingle is a phrase, not a passage.
            if (count >= 2)
            {
                regions.Add(box);
            }
        }

        return regions;
    }

    private static Region Widen(Region region, KeySequence source, KeySequence target, int context)
    {
        var (s0, s1) = WidenSide(source, region.SourceStart, region.SourceEnd, context);
        var (t0, t1) = WidenSide(target, region.TargetStart, region.TargetEnd, context);
        return new Region(s0, s1, t0, t1);
    }

    // Out to the neighbouring sentence on each side, but never more than `context` words, so an article without
    // sentence breaks is not diffed whole.
    private static (int Start, int End) WidenSide(KeySequence keys, int start, int end, int context)
    {
        var passages = keys.Article.Passages;
        var firstToken = keys.TokenIndex[start];
        var lastToken = keys.TokenIndex[end - 1];
        var wantStart = firstToken - context;
        var wantEnd = lastToken + 1 + context;
        if (passages.Count > 0)
        {
            var p = PassageAt(passages, firstToken);
            var q = PassageAt(passages, lastToken);
            var before = passages[Math.Max(0, p - 1)];
            var after = passages[Math.Min(passages.Count - 1, q + 1)];
            wantStart = Math.Max(wantStart, before.FirstToken);
            wantEnd = Math.Min(wantEnd, after.FirstToken + after.TokenCount);
        }

        var newStart = Math.Min(start, SortedSearch.LowerBound<int>(keys.TokenIndex, wantStart));
        var newEnd = Math.Max(end, SortedSearch.LowerBound<int>(keys.TokenIndex, wantEnd));
        return (newStart, newEnd);
    }

    // No passage starts before the first token, so the search always finds one; 0 keeps an empty list safe.
    private static int PassageAt(IReadOnlyList<Passage> passages, int token) => Math.Max(0, Collections.SortedSearch.PassageAt(passages, token));

    private static List<Region> Merge(List<Region> regions)
    {
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var a = 0; a < regions.Count && !merged; a++)
            {
                for (var b = a + 1; b < regions.Count; b++)
                {
                    var x = regions[a];
                    var y = regions[b];
                    if (x.SourceStart < y.SourceEnd && y.SourceStart < x.SourceEnd && x.TargetStart < y.TargetEnd && y.TargetStart < x.TargetEnd)
                    {
                        regions[a] = new Region(Math.Min(x.SourceStart, y.SourceStart), Math.Max(x.SourceEnd, y.SourceEnd), Math.Min(x.TargetStart, y.TargetStart), Math.Max(x.TargetEnd, y.TargetEnd));
                        regions.RemoveAt(b);
                        merged = true;
                        break;
                    }
                }
            }
        }

        regions.Sort(static (x, y) => x.SourceStart != y.SourceStart ? x.SourceStart.CompareTo(y.SourceStart) : x.TargetStart.CompareTo(y.TargetStart));
        return regions;
    }
}
