using System.Text.RegularExpressions;
using Pipeline.Core.Alignments;


namespace Pipeline.Functions.Api;

/// <summary>Word-level diff of two short texts (cluster members against their reference), compared in matching form.</summary>
internal static partial class WordDiff
{
    // Beyond this many words per side the diff is reported as one delete and one insert; cluster members are passages, not articles.
    private const int MaxWords = 2000;

    /// <summary>Runs turning <paramref name="source"/> into <paramref name="target"/>; run texts keep their original spelling and spacing.</summary>
    public static IReadOnlyList<DiffRun> Of(string source, string target)
    {
        var a = Words().Matches(source).Select(m => m.Value).ToArray();
        var b = Words().Matches(target).Select(m => m.Value).ToArray();
        if (a.Length > MaxWords || b.Length > MaxWords)
        {
            return [new DiffRun(DiffOp.Delete, source), new DiffRun(DiffOp.Insert, target)];
        }

        var ka = a.Select(Key).ToArray();
        var kb = b.Select(Key).ToArray();
        var lcs = new int[ka.Length + 1, kb.Length + 1];
        for (var i = ka.Length - 1; i >= 0; i--)
        {
            for (var j = kb.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = ka[i] == kb[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var runs = new List<DiffRun>();
        void Add(DiffOp op, string text)
        {
            if (runs.Count > 0 && runs[^1].Op == op)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new DiffRun(op, text));
            }
        }

        int x = 0, y = 0;
        while (x < ka.Length || y < kb.Length)
        {
            if (x < ka.Length && y < kb.Length && ka[x] == kb[y])
            {
                Add(DiffOp.Equal, b[y]);
                x++;
                y++;
            }
            else if (y < kb.Length && (x == ka.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Add(DiffOp.Insert, b[y++]);
            }
            else
            {
                Add(DiffOp.Delete, a[x++]);
            }
        }

        return runs;
    }

    private static string Key(string word) => Core.Articles.MatchingText.Normalize(word);

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();
}
