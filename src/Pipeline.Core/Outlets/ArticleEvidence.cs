using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Outlets;

/// <summary>What an article contributes to its outlet's boilerplate evidence: its run shingles and a sketch of its story.</summary>
/// <param name="Shingles">Distinct hashes of every run of <see cref="RunLength"/> matching words (passages already marked
/// as boilerplate left out), sorted.</param>
/// <param name="Sketch">The <see cref="SketchSize"/> smallest of those hashes, sorted: a bottom-k sketch, so two articles'
/// resemblance (how much text they share) can be estimated without either text.</param>
/// <remarks>
/// Two tests tell stories apart, and both must say "different": shared runs (<see cref="Resemblance"/>) catch an update
/// or rewrite of one article; shared vocabulary (<see cref="TopicResemblance"/>) catches two articles of one outlet on
/// one story that repeat only a quote or a background paragraph. On the shared news-cluster corpus, most same-story
/// article pairs of one outlet share no 8-word run besides such a passage, but they do share their names and places.
/// </remarks>
public sealed record ArticleEvidence(ulong[] Shingles, ulong[] Sketch)
{
    /// <summary>The <see cref="TopicSize"/> smallest hashes of its distinct content words (no stopwords), sorted: a sketch of its vocabulary.
    /// Empty when unknown (evidence made before there was one), which leaves <see cref="DifferentStory"/> to the runs alone.</summary>
    public ulong[] Topic { get; init; } = [];

    /// <summary>Hashes kept in a topic sketch.</summary>
    public const int TopicSize = 128;

    /// <summary>At or above this estimated vocabulary resemblance two articles are about the same story. Measured on the
    /// news-cluster corpus (content words, stories from its index): same-outlet pairs on one story mostly share over
    /// 0.1 of their vocabulary, pairs on different stories rarely 0.08; a pair misjudged as one story only delays learning.</summary>
    public const double SameTopicResemblance = 0.08;

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
        return new ArticleEvidence(shingles, shingles[..Math.Min(SketchSize, shingles.Length)]) { Topic = TopicOf(keys) };
    }

    // Word hashes are mixed again so that the smallest ones are a fair sample of the vocabulary.
    private static ulong[] TopicOf(KeySequence keys)
    {
        var words = new HashSet<ulong>();
        for (var p = 0; p < keys.Length; p++)
        {
            if (keys.Content[p])
            {
                words.Add(StableHash.Mix(keys.Hashes[p]));
            }
        }

        var sorted = words.ToArray();
        Array.Sort(sorted);
        return sorted[..Math.Min(TopicSize, sorted.Length)];
    }

    /// <summary>Estimated Jaccard resemblance of the two articles' shingle sets, from their sketches.</summary>
    public double Resemblance(ArticleEvidence other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BottomK(Sketch, other.Sketch, SketchSize);
    }

    /// <summary>Estimated Jaccard resemblance of the two articles' content-word sets, from their topic sketches.</summary>
    public double TopicResemblance(ArticleEvidence other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BottomK(Topic, other.Topic, TopicSize);
    }

    /// <summary>Whether the two articles are about different stories: they share little text and little vocabulary.</summary>
    public bool DifferentStory(ArticleEvidence other) =>
        Resemblance(other) < SameStoryResemblance
        && (Topic.Length == 0 || other.Topic.Length == 0 || TopicResemblance(other) < SameTopicResemblance);

    // Bottom-k of the union: walk both sorted sketches; a hash counts as shared when it is in both.
    private static double BottomK(ulong[] x, ulong[] y, int k)
    {
        int a = 0, b = 0, taken = 0, shared = 0;
        while (taken < k && (a < x.Length || b < y.Length))
        {
            if (b >= y.Length || (a < x.Length && x[a] < y[b]))
            {
                a++;
            }
            else if (a >= x.Length || y[b] < x[a])
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
}
