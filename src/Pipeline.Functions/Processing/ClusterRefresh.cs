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
    public async Task RefreshAsync(IEnumerable<string> seeds, CancellationToken cancellationToken = default)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(seeds.Distinct(StringComparer.Ordinal));
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

        var outlets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in pairs)
        {
            outlets[row.Source.Article] = row.Source.Outlet;
            outlets[row.Target.Article] = row.Target.Outlet;
        }

        var found = PassageClustering.Cluster(pairs.Select(ToAlignment));
        var rows = new List<ClusterRow>();
        foreach (var cluster in found)
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

        await clusters.ReplaceAsync(visited, rows.DistinctBy(r => r.Id).ToList(), cancellationToken);
    }

    private static Alignment ToAlignment(AlignmentRow row) => new(
        new AlignedSpan(row.Source.Article, row.Source.Start, row.Source.End, row.Source.Text, row.Source.Speaker),
        new AlignedSpan(row.Target.Article, row.Target.Start, row.Target.End, row.Target.Text, row.Target.Speaker),
        row.Score,
        row.Kind == "quote" ? PassageKind.Quote : PassageKind.Text,
        row.Diff);
}
