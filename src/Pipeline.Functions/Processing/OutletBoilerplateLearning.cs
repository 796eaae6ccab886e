using Pipeline.Core.Articles;
using Pipeline.Core.Outlets;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>An article as it is aligned: its passages marked with the runs of its outlet's learned boilerplate it carries.</summary>
/// <param name="Record">The normalized record.</param>
/// <param name="Article">The article with those passages marked <see cref="BoilerplateReason.Outlet"/>.</param>
/// <param name="Evidence">Its run shingles and story sketch.</param>
/// <param name="Runs">The learned runs it carries (sorted), as published on its status row.</param>
/// <param name="SameOutletRuns">The runs each candidate of its own outlet carries among those known when it was marked:
/// how it marks those partners until their published runs say otherwise.</param>
internal sealed record MarkedArticle(NormalizedRecord Record, Article Article, ArticleEvidence Evidence, ulong[] Runs, IReadOnlyDictionary<string, ulong[]> SameOutletRuns)
{
    /// <summary>Its side of a pair's version.</summary>
    public string? Side => AlignmentStore.Side(Record.ContentHash, Runs);
}

/// <summary>Learns each outlet's boilerplate from the articles AlignArticle meets, and marks articles with it.</summary>
/// <remarks>
/// An article's candidates include the articles of its outlet it shares runs with, so each AlignArticle can apply
/// <see cref="OutletRuns.Learn"/> and add what it proves to the outlet's stored set (<see cref="OutletBoilerplateStore"/>).
/// The set only grows, so whatever the upload order it ends as the union of what every article proves. Keeping the
/// articles marked as it grows takes three steps: each article publishes the runs it carries on its status row before
/// aligning any pair (partners mark it with them, and they are part of every pair's version, so rows made without them
/// are swept as stale); an article that grows the set aligns again every aligned carrier that lacks the new runs; and
/// every article checks the set once more after it is done, aligning again if it grew meanwhile.
/// </remarks>
internal sealed class OutletBoilerplateLearning(ArticleStore articles, OutletBoilerplateStore outlets)
{
    /// <summary>Learns from the article and the candidates of its outlet, publishes its runs and returns it marked.</summary>
    public async Task<MarkedArticle> LearnAndMarkAsync(NormalizedRecord record, IReadOnlyList<NormalizedRecord> candidates, CancellationToken cancellationToken)
    {
        var evidence = ArticleEvidence.Of(record.Article);
        var sameOutlet = candidates
            .Where(c => string.Equals(c.Outlet, record.Outlet, StringComparison.Ordinal))
            .Select(c => (Record: c, Evidence: ArticleEvidence.Of(c.Article)))
            .ToList();
        var learned = OutletRuns.Learn(evidence, sameOutlet.Select(c => c.Evidence));
        var (known, grew) = learned.Length > 0
            ? await outlets.AddAsync(record.Outlet, learned, cancellationToken)
            : (await outlets.ReadAsync(record.Outlet, cancellationToken), false);
        var knownSet = known.ToHashSet();
        var sameOutletRuns = sameOutlet.ToDictionary(c => c.Record.Name, c => Carried(c.Evidence, knownSet), StringComparer.Ordinal);
        var runs = Carried(evidence, knownSet);
        var marked = new MarkedArticle(record, Mark(record.Article, runs), evidence, runs, sameOutletRuns);

        // Nothing to publish when it carries no runs: normalizing this version left its row without any, and an earlier
        // alignment of the same version cannot have found more, since an outlet's runs only ever grow.
        if (marked.Runs.Length > 0)
        {
            await articles.UpdateIfCurrentAsync(
                record.Name,
                record.SourceETag,
                row => row.BoilerplateRuns.AsSpan().SequenceEqual(marked.Runs) ? row : row with { BoilerplateRuns = marked.Runs },
                cancellationToken);
        }

        if (grew)
        {
            foreach (var (other, required) in sameOutletRuns)
            {
                if (required.Length > 0
                    && await articles.GetAsync(other, cancellationToken) is { Status: ArticleStatus.Aligned } row
                    && !OutletRuns.Covers(row.BoilerplateRuns, required))
                {
                    await articles.RetriggerAsync(other, cancellationToken);
                }
            }
        }

        return marked;
    }

    /// <summary>Whether the outlet learned runs this article carries since it was marked: then it must align again.</summary>
    public async Task<bool> IsBehindAsync(MarkedArticle article, CancellationToken cancellationToken)
    {
        var known = (await outlets.ReadAsync(article.Record.Outlet, cancellationToken)).ToHashSet();
        return !Carried(article.Evidence, known).AsSpan().SequenceEqual(article.Runs);
    }

    /// <summary>An article with the stretches the given runs cover marked as its outlet's boilerplate.</summary>
    public static Article Mark(Article article, ulong[] runs)
    {
        if (runs.Length == 0)
        {
            return article;
        }

        var set = runs.ToHashSet();
        return OutletBoilerplate.Mark(article, set.Contains);
    }

    // The runs an article carries among those known for its outlet, as many as its status row holds.
    private static ulong[] Carried(ArticleEvidence evidence, IReadOnlySet<ulong> known) => ArticleStore.ClipRuns(OutletRuns.Present(evidence, known));
}
