using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Clusters;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>Recomputes the passage clusters that touch some articles.</summary>
internal sealed class ClusterRefresh(AlignmentStore alignments, ClusterStore clusters)
{
    // A walk that reaches more articles than this clusters what it has; the rest is picked up when their own articles align.
    private const int MaxClusterArticles = 2000;

    /// <summary>Walks the alignments from <paramref name="seeds"/> to every cluster touching them, clusters the pairs found, and replaces those clusters.</summary>
    /// <remarks>
    /// Only clusters that contain a seed's span can change (every alignment written or removed has a seed at one end),
    /// so those are replaced; the walk follows passages, not whole articles, so its cost is the size of those clusters
    /// rather than of everything connected to the seeds by any alignment.
    /// Two articles of one cluster may align at once; a refresh that read the rows before the other's writes could
    /// finish last and store an outdated set. So after writing, the walk is repeated and, if the rows changed
    /// meanwhile, the clusters are computed again: whichever refresh finishes last has seen every row written before it finished.
    /// A round that finds the stored clusters already as computed writes nothing, so it cannot have overwritten a newer
    /// set, and it needs no second walk: whoever wrote rows after its walk refreshes after writing them.
    /// </remarks>
    /// <param name="seeds">The articles whose rows changed.</param>
    /// <param name="read">Rows of some articles' partitions, read by the caller after its last write to them: the first
    /// walk takes them instead of reading those partitions again. (The walk after writing reads every partition.)</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>How many alignment rows each seed has, as the last walk read them: the seeds' counts, without a query each.</returns>
    public async Task<IReadOnlyDictionary<string, int>> RefreshAsync(
        IEnumerable<string> seeds, IReadOnlyDictionary<string, IReadOnlyList<AlignmentRow>>? read = null, CancellationToken cancellationToken = default)
    {
        var start = seeds.Distinct(StringComparer.Ordinal).ToList();
        var (pairs, state, rowsOf) = await WalkAsync(start, read, cancellationToken);
        var written = new HashSet<(string Article, string Id)>();
        for (var round = 0; round < 5; round++)
        {
            if (!await clusters.ReplaceAsync(start, Cluster(pairs), written, trustStored: round == 0, cancellationToken))
            {
                break;
            }

            var (pairsAgain, stateAgain, rowsAgain) = await WalkAsync(start, null, cancellationToken);
            rowsOf = rowsAgain;
            if (string.Equals(state, stateAgain, StringComparison.Ordinal))
            {
                break;
            }

            (pairs, state) = (pairsAgain, stateAgain);
        }

        return start.ToDictionary(seed => seed, seed => rowsOf[seed].Count, StringComparer.Ordinal);
    }

    /// <summary>Refreshes the clusters around an article and its partners, then sets each partner's alignment count from
    /// what the refresh read; returns the article's own count.</summary>
    /// <remarks><paramref name="ownRows"/>: the article's rows as read after its last write to them, if the caller has them.</remarks>
    public async Task<int> RefreshAndCountAsync(
        string article, IEnumerable<string> partners, ArticleStore articles, IReadOnlyList<AlignmentRow>? ownRows = null, CancellationToken cancellationToken = default)
    {
        var others = partners.Where(p => !string.Equals(p, article, StringComparison.Ordinal)).ToList();
        var read = ownRows is null ? null : new Dictionary<string, IReadOnlyList<AlignmentRow>>(StringComparer.Ordinal) { [article] = ownRows };
        var counts = await RefreshAsync(others.Append(article), read, cancellationToken);
        await articles.SetAlignmentCountsAsync(others.Distinct(StringComparer.Ordinal).ToDictionary(p => p, p => counts[p], StringComparer.Ordinal), cancellationToken);

        return counts[article];
    }

    /// <summary>Every stored pair in a cluster that touches a seed: all rows of the seeds, then, in each article reached,
    /// the rows whose span overlaps (transitively) a span reached there — the same overlap that merges spans in clustering.</summary>
    private async Task<(List<AlignmentRow> Pairs, string State, Dictionary<string, IReadOnlyList<AlignmentRow>> RowsOf)> WalkAsync(
        IReadOnlyList<string> seeds, IReadOnlyDictionary<string, IReadOnlyList<AlignmentRow>>? read, CancellationToken cancellationToken)
    {
        var rowsOf = read is null
            ? new Dictionary<string, IReadOnlyList<AlignmentRow>>(StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<AlignmentRow>>(read, StringComparer.Ordinal);
        var included = new HashSet<(string Article, string Id)>();
        var pairs = new List<AlignmentRow>();
        var reaches = new Queue<(string Article, int Start, int End)>();

        void Include(string article, AlignmentRow row, Queue<(int Start, int End)> local)
        {
            if (!included.Add((article, row.Id + "_" + row.Version)))
            {
                return;
            }

            if (row.Primary)
            {
                pairs.Add(row);
            }

            local.Enqueue((row.Source.Start, row.Source.End));
            reaches.Enqueue((row.Target.Article, row.Target.Start, row.Target.End));
        }

        async Task<IReadOnlyList<AlignmentRow>> RowsAsync(string article)
        {
            if (!rowsOf.TryGetValue(article, out var rows))
            {
                rows = await alignments.OfArticleAsync(article, cancellationToken);
                rowsOf[article] = rows;
            }

            return rows;
        }

        // Articles about to be read are fetched a few at a time: a wire story's cluster reaches hundreds of them.
        async Task PrefetchAsync(IEnumerable<string> articles)
        {
            var missing = articles.Where(a => !rowsOf.ContainsKey(a)).Distinct(StringComparer.Ordinal).Take(MaxClusterArticles - rowsOf.Count);
            foreach (var (article, rows) in await ConcurrentReads.ReadAsync(missing, async (a, ct) => await alignments.OfArticleAsync(a, ct), cancellationToken))
            {
                rowsOf[article] = rows;
            }
        }

        await PrefetchAsync(seeds);
        foreach (var seed in seeds)
        {
            var unused = new Queue<(int Start, int End)>();
            foreach (var row in await RowsAsync(seed))
            {
                Include(seed, row, unused);
            }
        }

        while (reaches.Count > 0 && rowsOf.Count < MaxClusterArticles)
        {
            if (!rowsOf.ContainsKey(reaches.Peek().Article))
            {
                await PrefetchAsync(reaches.Select(r => r.Article));
            }

            var (article, from, to) = reaches.Dequeue();
            var rows = await RowsAsync(article);
            var spans = new Queue<(int Start, int End)>();
            spans.Enqueue((from, to));
            while (spans.Count > 0)
            {
                var (start, end) = spans.Dequeue();
                foreach (var row in rows.Where(r => Math.Max(r.Source.Start, start) < Math.Min(r.Source.End, end)))
                {
                    Include(article, row, spans);
                }
            }
        }

        var state = string.Join('\n', pairs.Select(p => p.Id + "_" + p.Version).Order(StringComparer.Ordinal));
        return (pairs, state, rowsOf);
    }

    private static List<ClusterRow> Cluster(List<AlignmentRow> pairs)
    {
        var outlets = new Dictionary<string, string>(StringComparer.Ordinal);
        var published = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var row in pairs)
        {
            outlets[row.Source.Article] = row.Source.Outlet;
            outlets[row.Target.Article] = row.Target.Outlet;
            Earliest(published, row.Source);
            Earliest(published, row.Target);
        }

        // Copy alignments span whole articles and cluster only among themselves, so a cluster of their spans is a copy group.
        var copySpans = pairs.Where(p => p.Kind == "copy")
            .SelectMany(p => new[] { (p.Source.Article, p.Source.Start, p.Source.End), (p.Target.Article, p.Target.Start, p.Target.End) })
            .ToHashSet();
        var rows = new List<ClusterRow>();
        foreach (var cluster in PassageClustering.Cluster(pairs.Select(ToAlignment)))
        {
            var members = cluster.Members
                .Select(m => new SpanRow(m.Article, outlets.GetValueOrDefault(m.Article, string.Empty), m.Start, m.End, m.Text) { Published = published.GetValueOrDefault(m.Article) })
                .OrderBy(m => m.Article, StringComparer.Ordinal).ThenBy(m => m.Start)
                .ToList();
            var kind = copySpans.Count > 0 && members.All(m => copySpans.Contains((m.Article, m.Start, m.End))) ? "copy" : "passage";
            var row = new ClusterRow(ClusterStore.IdOf(members, kind), cluster.Speaker, members) { Kind = kind };
            if (row.Articles >= 2)
            {
                rows.Add(row);
            }
        }

        return ClusterStore.WithDistinctIds(rows);
    }

    // An article's rows can carry different publication times (a pair written before its metadata changed keeps the old
    // one); the earliest is taken so the anchor, and with it the id, depends on the rows and not on the walk's order.
    private static void Earliest(Dictionary<string, DateTimeOffset?> published, SpanRow span)
    {
        if (!published.TryGetValue(span.Article, out var known) || (span.Published is { } time && (known is null || time < known)))
        {
            published[span.Article] = span.Published ?? known;
        }
    }

    private static Alignment ToAlignment(AlignmentRow row) => new(
        new AlignedSpan(row.Source.Article, row.Source.Start, row.Source.End, row.Source.Text, row.Source.Speaker),
        new AlignedSpan(row.Target.Article, row.Target.Start, row.Target.End, row.Target.Text, row.Target.Speaker),
        row.Score,
        row.Kind switch { "quote" => PassageKind.Quote, "copy" => PassageKind.Copy, _ => PassageKind.Text },
        row.Diff);
}
