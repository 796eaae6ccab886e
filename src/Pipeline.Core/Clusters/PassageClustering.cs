using System.Globalization;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;
using Pipeline.Core.Collections;

namespace Pipeline.Core.Clusters;

/// <summary>Groups alignments into passages shared across many articles.</summary>
public static class PassageClustering
{
    /// <summary>Clusters alignments: overlapping spans of one article are merged, and alignments connect spans across articles.</summary>
    /// <remarks>
    /// Pure and order-independent: the same set of alignments always gives the same clusters and ids, so an app can
    /// recompute the clusters touched by a new article from the alignments it has stored.
    /// </remarks>
    /// <returns>Clusters ordered by their smallest member.</returns>
    public static IReadOnlyList<PassageCluster> Cluster(IEnumerable<Alignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(alignments);

        var spans = new List<AlignedSpan>();
        var copies = new List<bool>();
        var links = new List<(int A, int B)>();
        foreach (var alignment in alignments)
        {
            links.Add((spans.Count, spans.Count + 1));
            spans.Add(alignment.Source);
            spans.Add(alignment.Target);
            // A whole-article copy overlaps every passage of its article: merged with them it would fuse all of the
            // article's clusters into one. Copies cluster among themselves: one cluster of every outlet that carried it.
            var copy = alignment.Kind == PassageKind.Copy;
            copies.Add(copy);
            copies.Add(copy);
        }

        // Merge overlapping spans per article: sort by (article, start), sweep.
        var order = new int[spans.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var c = string.CompareOrdinal(spans[x].Article, spans[y].Article);
            if (c == 0)
            {
                c = copies[x].CompareTo(copies[y]);
            }

            if (c == 0)
            {
                c = spans[x].Start.CompareTo(spans[y].Start);
            }

            return c != 0 ? c : spans[x].End.CompareTo(spans[y].End);
        });

        var parent = DisjointSets.Create(spans.Count);

        string? groupArticle = null;
        var groupCopy = false;
        var groupEnd = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var span = spans[order[k]];
            var copy = copies[order[k]];
            if (k > 0 && string.Equals(groupArticle, span.Article, StringComparison.Ordinal) && groupCopy == copy && span.Start < groupEnd)
            {
                DisjointSets.Union(parent, order[k - 1], order[k]);
                groupEnd = Math.Max(groupEnd, span.End);
            }
            else
            {
                groupArticle = span.Article;
                groupCopy = copy;
                groupEnd = span.End;
            }
        }

        foreach (var (a, b) in links)
        {
            DisjointSets.Union(parent, a, b);
        }

        return Build(spans, order, parent);
    }

    private static List<PassageCluster> Build(List<AlignedSpan> spans, int[] order, int[] parent)
    {
        // Members: per component, per article, the union of that article's overlapping spans.
        var components = new Dictionary<int, List<Member>>();
        for (var k = 0; k < order.Length; k++)
        {
            var span = spans[order[k]];
            var root = DisjointSets.Find(parent, order[k]);
            if (!components.TryGetValue(root, out var members))
            {
                members = [];
                components[root] = members;
            }

            var last = members.Count > 0 ? members[^1] : null;
            if (last is not null && string.Equals(last.Article, span.Article, StringComparison.Ordinal) && span.Start < last.End)
            {
                last.Absorb(span);
            }
            else
            {
                members.Add(new Member(span));
            }
        }

        var clusters = new List<PassageCluster>(components.Count);
        foreach (var members in components.Values)
        {
            var smallest = members[0];
            var id = "c" + StableHash.Of($"{smallest.Article}\u001f{smallest.Start}\u001f{smallest.End}").ToString("x16", CultureInfo.InvariantCulture);
            var list = new ClusterMember[members.Count];
            var speakers = new List<string>();
            for (var m = 0; m < members.Count; m++)
            {
                list[m] = members[m].ToClusterMember();
                // One vote per member (article), not per alignment: an article aligned with many others still says it once.
                if (SpeakerVote.Winner(members[m].Speakers) is { } speaker)
                {
                    speakers.Add(speaker);
                }
            }

            clusters.Add(new PassageCluster(id, SpeakerVote.Winner(speakers), list));
        }

        clusters.Sort(static (a, b) =>
        {
            var x = a.Members[0];
            var y = b.Members[0];
            var c = string.CompareOrdinal(x.Article, y.Article);
            return c != 0 ? c : x.Start.CompareTo(y.Start);
        });
        return clusters;
    }

    private sealed class Member(AlignedSpan span)
    {
        private string _text = span.Text;

        public string Article { get; } = span.Article;

        public int Start { get; } = span.Start;

        public int End { get; private set; } = span.End;

        public List<string> Speakers { get; } = span.Speaker is null ? [] : [span.Speaker];

        public void Absorb(AlignedSpan span)
        {
            if (span.End > End)
            {
                // Both texts are slices of the same original, so the tail past our end is exact.
                _text += span.Text[(End - span.Start)..];
                End = span.End;
            }

            if (span.Speaker is not null)
            {
                Speakers.Add(span.Speaker);
            }
        }

        public ClusterMember ToClusterMember() => new(Article, Start, End, _text);
    }
}
