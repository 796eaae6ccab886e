using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Outlets;

/// <summary>What an article contributes to its outlet's boilerplate evidence: its run shingles and a sketch of its story.</summary>
/// <param name="Shingles">Distinct hashes of every run of <see cref="RunLength"/> matching words (passages already marked
/// as boilerplate left out), sorted.</param>
/// <param name="Sketch">The <see cref="SketchSize"/> smallest of those hashes, sorted: a bottom-k sketch, so two articles'
/// resemblance (how much text they share) can be estimated without either text.</param>
public sealed record ArticleEvidence(ulong[] Shingles, ulong[] Sketch)
{
    /// <summary>Words per run shingle: eight, as long as the shortest passage alignment.</summary>
    public const int RunLength = 8;

    /// <summary>Hashes kept in a story sketch.</summary>
    public const int SketchSize = 64;

    /// <summary>Below this estimated resemblance two articles are about different stories; above it, versions of one story
    /// (an update, a rewrite) that share most of their text. Different stories of one outlet share only its boilerplate,
    /// a few percent of their shingles.</summary>
    public const double SameStoryResemblance = 0.1;

    /// <summary>The evidence of one article.</summary>
    public static ArticleEvidence Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var keys = KeySequence.Of(article);
        var hashes = new List<ulong>(Math.Max(0, keys.Length - RunLength + 1));
        for (var p = 0; p + RunLength <= keys.Length; p++)
        {
            if (keys.ShingleAt(p, RunLength) is { } hash)
            {
                hashes.Add(hash);
            }
        }

        hashes.Sort();
        var distinct = new List<ulong>(hashes.Count);
        foreach (var hash in hashes)
        {
            if (distinct.Count == 0 || distinct[^1] != hash)
            {
                distinct.Add(hash);
            }
        }

        var shingles = distinct.ToArray();
        return new ArticleEvidence(shingles, shingles[..Math.Min(SketchSize, shingles.Length)]);
    }

    /// <summary>Estimated Jaccard resemblance of the two articles' shingle sets, from their sketches.</summary>
    public double Resemblance(ArticleEvidence other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Bottom-k of the union: walk both sorted sketches; a hash counts as shared when it is in both.
        int a = 0, b = 0, taken = 0, shared = 0;
        while (taken < SketchSize && (a < Sketch.Length || b < other.Sketch.Length))
        {
            if (b >= other.Sketch.Length || (a < Sketch.Length && Sketch[a] < other.Sketch[b]))
            {
                a++;
            }
            else if (a >= Sketch.Length || other.Sketch[b] < Sketch[a])
            {
                b++;
            }
            else
            {
                shared++;
                a++;
                b++;
            }

            taken++;
        }

        return taken == 0 ? 0 : shared / (double)taken;
    }

    /// <summary>Whether the two articles are about different stories (they share little text).</summary>
    public bool DifferentStory(ArticleEvidence other) => Resemblance(other) < SameStoryResemblance;
}
