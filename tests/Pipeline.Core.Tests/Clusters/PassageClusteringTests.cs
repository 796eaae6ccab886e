using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Clusters;
using Xunit;

namespace Pipeline.Core.Tests.Clusters;

public class PassageClusteringTests
{
    private static Alignment Link(string a, int aStart, int aEnd, string b, int bStart, int bEnd, string? aSpeaker = null, string? bSpeaker = null) =>
        new(
            new AlignedSpan(a, aStart, aEnd, new string('a', aEnd - aStart), aSpeaker),
            new AlignedSpan(b, bStart, bEnd, new string('b', bEnd - bStart), bSpeaker),
            1,
            PassageKind.Quote,
            []);

    [Fact]
    public void Cluster_CopiesOfAnArticle_OneClusterOfEveryCopyWithoutFusingItsPassageClusters()
    {
        static Alignment Copy(string canonical, string copy) =>
            new(new AlignedSpan(canonical, 0, 1000, new string('c', 1000)), new AlignedSpan(copy, 0, 990, new string('d', 990)), 1, PassageKind.Copy, []);

        var clusters = PassageClustering.Cluster(
        [
            Copy("ap/story", "nyt/story"),
            Copy("ap/story", "wapo/story"),
            Link("ap/story", 100, 200, "cnn/other", 0, 100),
            Link("ap/story", 500, 600, "bbc/other", 0, 100),
            Link("nyt/story", 100, 200, "cnn/other", 0, 100),
        ]);

        var copies = Assert.Single(clusters, c => c.Members.Count == 3 && c.Members.All(m => m.Article.EndsWith("/story", StringComparison.Ordinal)));
        Assert.Equal(["ap/story", "nyt/story", "wapo/story"], copies.Members.Select(m => m.Article));
        Assert.Contains(clusters, c => c.Members.Select(m => m.Article).SequenceEqual(["ap/story", "cnn/other", "nyt/story"]));
        Assert.Contains(clusters, c => c.Members.Select(m => m.Article).SequenceEqual(["ap/story", "bbc/other"]));
        Assert.Equal(3, clusters.Count);
    }

    [Fact]
    public void Cluster_OverlappingSpansInOneArticle_JoinOneCluster()
    {
        var clusters = PassageClustering.Cluster(
        [
            Link("000", 100, 228, "001", 50, 178, "Rear Admiral John Kirby", "Kirby"),
            Link("000", 153, 228, "002", 10, 85, null, null),
            Link("001", 103, 178, "002", 10, 85, "Kirby", null),
        ]);

        var cluster = Assert.Single(clusters);
        Assert.Equal("Kirby", cluster.Speaker);
        Assert.Equal(["000", "001", "002"], cluster.Members.Select(m => m.Article));
        Assert.Equal((100, 228), (cluster.Members[0].Start, cluster.Members[0].End));
        Assert.Equal(128, cluster.Members[0].Text.Length);
    }

    [Fact]
    public void Cluster_DisjointPassages_SeparateClustersWithDistinctStableIds()
    {
        var links = new[]
        {
            Link("000", 0, 50, "001", 0, 50),
            Link("000", 60, 90, "001", 200, 230),
            Link("003", 5, 25, "004", 5, 25),
        };

        var forward = PassageClustering.Cluster(links);
        var backward = PassageClustering.Cluster(links.Reverse());

        Assert.Equal(3, forward.Count);
        Assert.Equal(3, forward.Select(c => c.Id).Distinct().Count());
        Assert.Equal(forward.Select(c => c.Id), backward.Select(c => c.Id));
        Assert.All(forward, c => Assert.Null(c.Speaker));
    }

    [Fact]
    public void Cluster_TouchingButNotOverlappingSpans_StayApart()
    {
        var clusters = PassageClustering.Cluster([Link("a", 0, 10, "b", 0, 10), Link("a", 10, 20, "c", 0, 10)]);

        Assert.Equal(2, clusters.Count);
    }

    [Fact]
    public void Cluster_RealTexts_MemberTextIsTheUnion()
    {
        const string original = "0123456789abcdefghij";
        var clusters = PassageClustering.Cluster(
        [
            new Alignment(new AlignedSpan("a", 2, 8, original[2..8]), new AlignedSpan("b", 0, 6, "xxxxxx"), 1, PassageKind.Text, []),
            new Alignment(new AlignedSpan("a", 5, 14, original[5..14]), new AlignedSpan("c", 0, 9, "yyyyyyyyy"), 1, PassageKind.Text, []),
        ]);

        var member = Assert.Single(Assert.Single(clusters).Members, m => m.Article == "a");
        Assert.Equal(original[2..14], member.Text);
    }

    [Fact]
    public void Cluster_OneArticleAlignedManyTimes_VotesOnce()
    {
        // 000 names the speaker "Smith" in four alignments; 001 and 002 say "Jones": two members against one.
        var clusters = PassageClustering.Cluster(
        [
            Link("000", 0, 50, "001", 0, 50, "Smith", "Mary Jones"),
            Link("000", 0, 50, "002", 0, 50, "Smith", "Jones"),
            Link("000", 0, 50, "003", 0, 50, "Smith", null),
            Link("000", 0, 50, "004", 0, 50, "Smith", null),
        ]);

        Assert.Equal("Jones", Assert.Single(clusters).Speaker);
    }
}
