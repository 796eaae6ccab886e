using DiffPlex;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Alignments;

/// <summary>Diffs one region of two key sequences with DiffPlex, one matching key per chunk.</summary>
internal static class RegionDiff
{
    private static readonly Func<string, string[]> Chunker = static text => text.Split('\n');

    public static List<EditStep> Diff(KeySequence source, KeySequence target, Region region)
    {
        // Keys never contain line feeds (they are single normalized words), so one key per line is an exact encoding.
        var a = Join(source, region.SourceStart, region.SourceEnd);
        var b = Join(target, region.TargetStart, region.TargetEnd);
        // A Differ per call: the app aligns concurrently and DiffPlex does not promise thread safety.
        var result = new Differ().CreateCustomDiffs(a, b, ignoreWhiteSpace: false, Chunker);

        var steps = new List<EditStep>((region.SourceEnd - region.SourceStart) + (region.TargetEnd - region.TargetStart));
        int i = 0, j = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (i < block.DeleteStartA && j < block.InsertStartB)
            {
                steps.Add(new EditStep(region.SourceStart + i++, region.TargetStart + j++));
            }

            for (var d = 0; d < block.DeleteCountA; d++)
            {
                steps.Add(new EditStep(region.SourceStart + i++, -1));
            }

            for (var n = 0; n < block.InsertCountB; n++)
            {
                steps.Add(new EditStep(-1, region.TargetStart + j++));
            }
        }

        while (i < region.SourceEnd - region.SourceStart && j < region.TargetEnd - region.TargetStart)
        {
            steps.Add(new EditStep(region.SourceStart + i++, region.TargetStart + j++));
        }

        return steps;
    }

    private static string Join(KeySequence keys, int start, int end)
    {
        var tokens = keys.Article.Tokens;
        var length = 0;
        for (var p = start; p < end; p++)
        {
            length += tokens[keys.TokenIndex[p]].Key.Length + 1;
        }

        return string.Create(Math.Max(0, length - 1), (keys, start, end), static (span, state) =>
        {
            var (keys, start, end) = state;
            var tokens = keys.Article.Tokens;
            var at = 0;
            for (var p = start; p < end; p++)
            {
                if (p > start)
                {
                    span[at++] = '\n';
                }

                var key = tokens[keys.TokenIndex[p]].Key.AsSpan();
                key.CopyTo(span[at..]);
                at += key.Length;
            }
        });
    }
}
