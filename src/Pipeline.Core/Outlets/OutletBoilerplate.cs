using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Outlets;

/// <summary>
/// One outlet's boilerplate, learned incrementally from its articles: a run of <see cref="ArticleEvidence.RunLength"/>
/// words is boilerplate once it has been seen in <see cref="MinStories"/> articles of the outlet that are about
/// different stories (<see cref="ArticleEvidence.DifferentStory"/>). The stretches of a passage such runs cover are
/// marked <see cref="BoilerplateReason.Outlet"/> (a passage is cut in two when only part of it is covered).
/// </summary>
/// <remarks>
/// Only this outlet's articles are counted, so a background paragraph that several outlets carry is never boilerplate;
/// and an outlet repeating its own reporting on one story counts once, since the versions of a story resemble each
/// other. Bounded: at most <see cref="MaxShingles"/> runs are tracked; beyond that, runs seen in one story only are
/// forgotten (boilerplate and runs on their way to it are kept), with the sketches nothing refers to any more. An
/// app can persist the state per outlet (<see cref="Export"/>) and rebuild it (<see cref="Import"/>). Not thread-safe.
/// </remarks>
public sealed class OutletBoilerplate
{
    /// <summary>Different stories a run must appear in to be boilerplate.</summary>
    public const int MinStories = 3;

    /// <summary>Fewest words in a piece of a passage: a shorter covered or uncovered stretch goes with its neighbour.</summary>
    public const int MinPiece = 4;

    private readonly Dictionary<ulong, string[]> _witnesses = [];
    private readonly Dictionary<string, ArticleEvidence> _articles = new(StringComparer.Ordinal);

    /// <summary>Creates an empty model.</summary>
    /// <param name="maxShingles">Most runs tracked at once.</param>
    public OutletBoilerplate(int maxShingles = 200_000)
    {
        MaxShingles = maxShingles;
    }

    /// <summary>Most runs tracked at once.</summary>
    public int MaxShingles { get; }

    /// <summary>Runs tracked now.</summary>
    public int Count => _witnesses.Count;

    /// <summary>Counts an article's runs; returns whether any run became boilerplate, so an app knows earlier articles may need re-marking.</summary>
    /// <remarks>Observing the same article name again changes nothing.</remarks>
    public bool Observe(string article, ArticleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(evidence);
        if (!_articles.TryAdd(article, evidence))
        {
            return false;
        }

        var different = new Dictionary<string, bool>(StringComparer.Ordinal);
        var changed = false;
        var referenced = false;
        foreach (var shingle in evidence.Shingles)
        {
            if (!_witnesses.TryGetValue(shingle, out var witnesses))
            {
                _witnesses[shingle] = [article];
                referenced = true;
                continue;
            }

            if (witnesses.Length >= MinStories)
            {
                continue;
            }

            var distinct = true;
            foreach (var witness in witnesses)
            {
                if (!different.TryGetValue(witness, out var d))
                {
                    d = !_articles.TryGetValue(witness, out var other) || evidence.DifferentStory(other);
                    different[witness] = d;
                }

                distinct &= d;
            }

            if (distinct)
            {
                _witnesses[shingle] = [.. witnesses, article];
                referenced = true;
                changed |= witnesses.Length + 1 >= MinStories;
            }
        }

        if (!referenced)
        {
            _articles.Remove(article);
        }

        if (_witnesses.Count > MaxShingles)
        {
            Forget();
        }

        return changed;
    }

    /// <summary>Whether a run (an <see cref="ArticleEvidence"/> shingle) is this outlet's boilerplate.</summary>
    public bool IsBoilerplate(ulong shingle) => _witnesses.TryGetValue(shingle, out var w) && w.Length >= MinStories;

    /// <summary>The article with the stretches of its passages covered by this outlet's boilerplate runs marked <see cref="BoilerplateReason.Outlet"/>.</summary>
    public Article Mark(Article article) => Mark(article, IsBoilerplate);

    /// <summary>The article with the stretches of its passages covered by boilerplate runs (<paramref name="isBoilerplate"/>) marked
    /// <see cref="BoilerplateReason.Outlet"/>: for an app that keeps its outlets' runs in storage rather than in a model.</summary>
    public static Article Mark(Article article, Func<ulong, bool> isBoilerplate)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(isBoilerplate);
        var keys = KeySequence.Of(article);
        var k = ArticleEvidence.RunLength;
        var covered = new bool[keys.Length];
        var any = false;
        for (var p = 0; p + k <= keys.Length; p++)
        {
            if (keys.ShingleAt(p, k) is { } hash && isBoilerplate(hash))
            {
                any = true;
                Array.Fill(covered, true, p, k);
            }
        }

        if (!any)
        {
            return article;
        }

        return article with { Passages = Split(article, keys, covered) };
    }

    /// <summary>The state to persist: each tracked run with the articles it was seen in (one per story), and those articles' evidence.</summary>
    public (IReadOnlyDictionary<ulong, string[]> Runs, IReadOnlyDictionary<string, ArticleEvidence> Articles) Export() => (_witnesses, _articles);

    /// <summary>Rebuilds a model from persisted state.</summary>
    public static OutletBoilerplate Import(IReadOnlyDictionary<ulong, string[]> runs, IReadOnlyDictionary<string, ArticleEvidence> articles, int maxShingles = 200_000)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(articles);
        var model = new OutletBoilerplate(maxShingles);
        foreach (var (run, witnesses) in runs)
        {
            model._witnesses[run] = witnesses;
        }

        foreach (var (name, evidence) in articles)
        {
            model._articles[name] = evidence;
        }

        return model;
    }

    // Boilerplate glued to a sentence (a tweet's byline run into "Read or Share this story: ...", a prompt without a full
    // stop) would take the sentence with it: a passage is cut where covered and uncovered stretches meet, and only the
    // covered pieces are marked. Stretches shorter than MinPiece words stay with their neighbour.
    private static List<Passage> Split(Article article, KeySequence keys, bool[] covered)
    {
        // Per token: 1 covered, 0 not, -1 not a matching position (inherits its neighbour's state).
        var state = new sbyte[article.Tokens.Count];
        Array.Fill(state, (sbyte)-1);
        for (var p = 0; p < keys.Length; p++)
        {
            state[keys.TokenIndex[p]] = covered[p] ? (sbyte)1 : (sbyte)0;
        }

        var result = new List<Passage>(article.Passages.Count);
        foreach (var passage in article.Passages)
        {
            if (passage.Boilerplate is not null || passage.TokenCount == 0)
            {
                result.Add(passage with { Index = result.Count });
                continue;
            }

            var pieces = Pieces(state, passage.FirstToken, passage.FirstToken + passage.TokenCount);
            for (var i = 0; i < pieces.Count; i++)
            {
                var (first, end, isCovered) = pieces[i];
                var start = i == 0 ? passage.Start : article.Tokens[first].Start;
                var stop = i == pieces.Count - 1 ? passage.End : article.Tokens[end - 1].End;
                result.Add(passage with
                {
                    Index = result.Count,
                    Start = start,
                    End = stop,
                    FirstToken = first,
                    TokenCount = end - first,
                    Boilerplate = isCovered ? BoilerplateReason.Outlet : null,
                });
            }
        }

        return result;
    }

    private static List<(int First, int End, bool Covered)> Pieces(sbyte[] state, int from, int to)
    {
        var pieces = new List<(int First, int End, bool Covered)>();
        var t = from;
        while (t < to)
        {
            var first = t;
            var isCovered = state[t] == 1;
            while (t < to && (state[t] == -1 || (state[t] == 1) == isCovered))
            {
                t++;
            }

            pieces.Add((first, t, isCovered));
        }

        // Absorb short pieces into the previous (or next) one, then merge neighbours of the same kind.
        for (var i = 0; i < pieces.Count && pieces.Count > 1; i++)
        {
            if (pieces[i].End - pieces[i].First >= MinPiece)
            {
                continue;
            }

            var into = i > 0 ? i - 1 : i + 1;
            var (a, b) = (pieces[Math.Min(i, into)], pieces[Math.Max(i, into)]);
            pieces[Math.Min(i, into)] = (a.First, b.End, pieces[into].Covered);
            pieces.RemoveAt(Math.Max(i, into));
            i = -1;
        }

        for (var i = pieces.Count - 1; i > 0; i--)
        {
            if (pieces[i].Covered == pieces[i - 1].Covered)
            {
                pieces[i - 1] = (pieces[i - 1].First, pieces[i].End, pieces[i].Covered);
                pieces.RemoveAt(i);
            }
        }

        return pieces;
    }

    private void Forget()
    {
        var single = _witnesses.Where(x => x.Value.Length < 2).Select(x => x.Key).ToList();
        foreach (var run in single)
        {
            _witnesses.Remove(run);
        }

        var referenced = new HashSet<string>(_witnesses.Values.SelectMany(w => w), StringComparer.Ordinal);
        foreach (var name in _articles.Keys.Where(n => !referenced.Contains(n)).ToList())
        {
            _articles.Remove(name);
        }
    }
}
