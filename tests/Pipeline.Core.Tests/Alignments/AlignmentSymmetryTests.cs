using FsCheck;
using FsCheck.Fluent;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Alignments;

public class AlignmentSymmetryTests
{
    private static readonly string[] Pool =
    [
        "We are not coordinating with nor are we deconflicting with Iranian military forces in the region.",
        "If Iran is taking on ISIL in some particular place and it has an impact the net effect is positive.",
        "The reactor was shut down after engineers found a crack in the cooling pipe near the turbine hall.",
        "Residents within ten kilometres were told to keep their windows closed until further notice.",
        "The central bank raised interest rates by a quarter point to curb stubborn inflation this spring.",
        "Rescue teams pulled three survivors from the rubble of the collapsed apartment block overnight.",
        "The New York Times reported on Tuesday that officials said the talks would resume next week.",
        "Growers in Ecuador export most of the world's bananas to Europe and North America every year.",
    ];

    private static readonly string[] Noise = ["[ISIL]", "(the Iranians)", "really", "however", "officials", "Tehran", "\"", "..."];

    [Fact]
    public void Align_SwappedArguments_SamePairsWithSidesSwapped()
    {
        var text = Gen.Choose(0, Pool.Length - 1)
            .SelectMany(sentence => Gen.Choose(-1, 40).SelectMany(position => Gen.Choose(0, Noise.Length - 1).Select(noise => Mutate(Pool[sentence], position, Noise[noise]))))
            .ListOf()
            .Select(sentences => string.Join(' ', sentences));
        var pair = text.SelectMany(a => text.Select(b => (a, b)));

        Prop.ForAll(pair.ToArbitrary(), p =>
        {
            var a = TestArticles.From("left", p.a);
            var b = TestArticles.From("right", p.b);
            var forward = PassageAligner.Align(a, b);
            var backward = PassageAligner.Align(b, a);
            var mirrored = backward
                .Select(x => new Alignment(x.Target, x.Source, x.Score, x.Kind, Mirror(x.Diff)))
                .OrderBy(x => x.Source.Start)
                .ThenBy(x => x.Target.Start)
                .ToList();
            return forward.Count == mirrored.Count && forward.Zip(mirrored).All(z => Same(z.First, z.Second))
                && forward.All(x => Valid(x, a, b));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Align_SeedPairsSwapped_SamePairsWithSidesSwapped()
    {
        var seeds = new[] { "000", "001", "002", "003", "004" }
            .Select(n => ArticleReader.Read(n, System.Text.Encoding.UTF8.GetBytes(TestArticles.Seed(n))).Article!)
            .ToList();
        foreach (var a in seeds)
        {
            foreach (var b in seeds.Where(b => b != a))
            {
                var forward = PassageAligner.Align(a, b);
                var backward = PassageAligner.Align(b, a).Select(x => (x.Target, x.Source, x.Score, x.Kind)).OrderBy(x => x.Target.Start).ThenBy(x => x.Source.Start);
                Assert.Equal(forward.Select(x => (x.Source, x.Target, x.Score, x.Kind)), backward.Select(x => (x.Target, x.Source, x.Score, x.Kind)));
            }
        }
    }

    // Spans index the original text, scores are in range, and diff runs come from the spans they describe.
    private static bool Valid(Alignment x, Article a, Article b) =>
        x.Score is > 0 and <= 1
        && a.Original[x.Source.Start..x.Source.End] == x.Source.Text
        && b.Original[x.Target.Start..x.Target.End] == x.Target.Text
        && x.Diff.Count > 0 && x.Diff[0].Op == DiffOp.Equal && x.Diff[^1].Op == DiffOp.Equal
        && x.Diff.Where(r => r.Op != DiffOp.Insert).All(r => x.Source.Text.Contains(r.Text.Trim('[', ']', '(', ')'), StringComparison.Ordinal))
        && x.Diff.Where(r => r.Op == DiffOp.Insert).All(r => x.Target.Text.Contains(r.Text.Trim('[', ']', '(', ')'), StringComparison.Ordinal));

    private static string Mutate(string sentence, int position, string noise)
    {
        var words = sentence.Split(' ').ToList();
        if (position >= 0 && position < words.Count)
        {
            words.Insert(position, noise);
        }

        return string.Join(' ', words);
    }

    private static List<DiffRun> Mirror(IReadOnlyList<DiffRun> diff)
    {
        // Mirroring swaps inserts and deletes; within one gap our runs list the delete before the insert.
        var runs = new List<DiffRun>();
        foreach (var run in diff)
        {
            var op = run.Op switch { DiffOp.Insert => DiffOp.Delete, DiffOp.Delete => DiffOp.Insert, _ => DiffOp.Equal };
            var mirrored = run with { Op = op };
            if (op == DiffOp.Delete && runs.Count > 0 && runs[^1].Op == DiffOp.Insert)
            {
                runs.Insert(runs.Count - 1, mirrored);
            }
            else
            {
                runs.Add(mirrored);
            }
        }

        return runs;
    }

    private static bool Same(Alignment x, Alignment y) =>
        x.Source == y.Source && x.Target == y.Target && x.Score.Equals(y.Score) && x.Kind == y.Kind
        && x.Diff.Select(r => r.Op).SequenceEqual(y.Diff.Select(r => r.Op))
        && x.Diff.Where(r => r.Op != DiffOp.Equal).SequenceEqual(y.Diff.Where(r => r.Op != DiffOp.Equal));
}
