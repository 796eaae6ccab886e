using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Clusters;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>Recomputes the passage clusters of the connected component(s) around some articles.</summary>
internal sealed class ClusterRefresh(AlignmentStore alignments, ClusterStore clusters)
{
    // A component larger than this is clustered in part; the rest is picked up when its own articles align.
    private const int MaxComponentArticles = 2000;

    /// <summary>Walks the alignment graph from <paramref name="seeds"/>, clusters every pair found once, and replaces the stored clusters.</summary>
    /// <remarks>
    /// Two articles of one component may align at once; a refresh that read the rows before the other's writes could
    /// finish last and store an outdated set. So after writing, the component is read again and, if its rows changed
    /// meanwhile, clustered again: whichever refresh finishes last has seen every row written before it finished.
    /// </remarks>
    public async Task RefreshAsync(IEnumerable<string> seeds, CancellationToken cancellationToken = default)
    {
        var start = seeds.Distinct(StringComparer.Ordinal).ToList();
        var (visited, pairs, state) = await WalkAsync(start, cancellationToken);
        for (var round = 0; round < 5; round++)
        {
            await clusters.ReplaceAsync(visited, Cluster(pairs), cancellationToken);
            var (visitedAgain, pairsAgain, stateAgain) = await WalkAsync(start, cancellationToken);
            if (string.Equals(state, stateAgain, StringComparison.Ordinal) && visited.SetEquals(visitedAgain))
            {
                return;
            }

            (visited, pairs, state) = (visitedAgain, pairsAgain, stateAgain);
        }
    }

    private async Task<(HashSet<string> Visited, List<AlignmentRow> Pairs, string State)> WalkAsync(IReadOnlyList<string> seeds, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(seeds);
        var pairs = new List<AlignmentRow>();
        while (queue.Count > 0 && visited.Count < MaxComponentArticles)
        {
            var article = queue.Dequeue();
            if (!visited.Add(article))
            {
                continue;
            }

            foreach (var row in await alignments.OfArticleAsync(article, cancellationToken))
            {
                if (row.Primary)
                {
                    pairs.Add(row);
                }

                if (!visited.Contains(row.Target.Article))
                {
                    queue.Enqueue(row.Target.Article);
                }
            }
        }

        var state = string.Join('\n', pairs.Select(p => p.Id + "_" + p.Version).Order(StringComparer.Ordinal));
        return (visited, pairs, state);
    }

    private static List<ClusterRow> Cluster(List<AlignmentRow> pairs)
    {
        var outlets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in pairs)
        {
            outlets[row.Source.Article] = row.Source.Outlet;
            outlets[row.Target.Article] = row.Target.Outlet;
        }

        var rows = new List<ClusterRow>();
        foreach (var cluster in PassageClustering.Cluster(pairs.Select(ToAlignment)))
        {
            var members = cluster.Members
                .Select(m => new SpanRow(m.Article, outlets.GetValueOrDefault(m.Article, string.Empty), m.Start, m.End, m.Text))
                .OrderBy(m => m.Article, StringComparer.Ordinal).ThenBy(m => m.Start)
                .ToList();
            var row = new ClusterRow(ClusterStore.IdOf(members), cluster.Speaker, members);
            if (row.Articles >= 2)
            {
                rows.Add(row);
            }
        }

        return rows.DistinctBy(r => r.Id).ToList();
    }

    private static Alignment ToAlignment(AlignmentRow row) => new(
        new AlignedSpan(row.Source.Article, row.Source.Start, row.Source.End, row.Source.Text, row.Source.Speaker),
        new AlignedSpan(row.Target.Article, row.Target.Start, row.Target.End, row.Target.Text, row.Target.Speaker),
        row.Score,
        row.Kind == "quote" ? PassageKind.Quote : PassageKind.Text,
        row.Diff);
}
