using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Outlets;

/// <summary>
/// One outlet's boilerplate, learned incrementally from its articles: a run of <see cref="ArticleEvidence.RunLength"/>
/// words is boilerplate once it has been seen in <see cref="MinStories"/> articles of the outlet that are about
/// different stories (<see cref="ArticleEvidence.DifferentStory"/>). A passage mostly made of such runs is marked
/// <see cref="BoilerplateReason.Outlet"/>.
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

    /// <summary>Share of a passage's matching words that boilerplate runs must cover for the passage to be boilerplate.</summary>
    public const double MinPassageCover = 0.5;

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

    /// <summary>The article with every passage mostly made of this outlet's boilerplate runs marked <see cref="BoilerplateReason.Outlet"/>.</summary>
    public Article Mark(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var keys = KeySequence.Of(article);
        var k = ArticleEvidence.RunLength;
        var covered = new bool[keys.Length];
        var any = false;
        for (var p = 0; p + k <= keys.Length; p++)
        {
            if (keys.ShingleAt(p, k) is { } hash && IsBoilerplate(hash))
            {
                any = true;
                Array.Fill(covered, true, p, k);
            }
        }

        if (!any)
        {
            return article;
        }

        var passages = article.Passages;
        var inPassage = new int[passages.Count];
        var coveredInPassage = new int[passages.Count];
        for (var p = 0; p < keys.Length; p++)
        {
            inPassage[keys.Passage[p]]++;
            coveredInPassage[keys.Passage[p]] += covered[p] ? 1 : 0;
        }

        var marked = new List<Passage>(passages);
        for (var i = 0; i < passages.Count; i++)
        {
            if (passages[i].Boilerplate is null && inPassage[i] > 0 && coveredInPassage[i] >= MinPassageCover * inPassage[i])
            {
                marked[i] = passages[i] with { Boilerplate = BoilerplateReason.Outlet };
            }
        }

        return article with { Passages = marked };
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
