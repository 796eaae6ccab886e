using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;
using Pipeline.Core.Clusters;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Acceptance;

/// <summary>The story in seeds/: five outlets on US and Iranian strikes against ISIL, read by the real ArticleReader.</summary>
public class SeedAcceptanceTests
{
    private static readonly Lazy<List<Alignment>> SeedAlignments = new(AlignSeeds);

    [Fact]
    public void Align_KirbyQuote_OneClusterAcross000_001_002WithSpeakerKirby()
    {
        var clusters = PassageClustering.Cluster(SeedAlignments.Value);

        var kirby = Assert.Single(clusters, c => c.Members.Any(m => m.Text.Contains("nor are we deconflicting", StringComparison.Ordinal)));
        // 004 quotes only Kirby's "to de-conflict that airspace", a short fragment of the same quote.
        Assert.Equal(["000", "001", "002", "004"], kirby.Members.Select(m => m.Article));
        Assert.All(kirby.Members.Where(m => m.Article != "004"), m => Assert.Contains("We are not coordinating with nor are we deconflicting with Iranian military", Flat(m.Text), StringComparison.Ordinal));
        Assert.NotNull(kirby.Speaker);
        Assert.Contains("Kirby", kirby.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_KerryQuote_OneClusterAcross000_001_002_004()
    {
        var clusters = PassageClustering.Cluster(SeedAlignments.Value);

        var kerry = Assert.Single(clusters, c => c.Members.Any(m => m.Text.Contains("in some particular place", StringComparison.Ordinal)));
        Assert.Equal(["000", "001", "002", "004"], kerry.Members.Select(m => m.Article));
        Assert.All(kerry.Members, m => Assert.Contains("is positive", m.Text, StringComparison.Ordinal));
        Assert.Equal(6, SeedAlignments.Value.Count(a => a.Source.Text.Contains("particular", StringComparison.Ordinal)));
    }

    [Fact]
    public void Align_KerryQuote_EachPairCarriesItsOutletsEdits()
    {
        var kerry = SeedAlignments.Value.Where(a => a.Source.Text.Contains("particular", StringComparison.Ordinal)).ToList();

        Assert.All(kerry, a => Assert.Equal(PassageKind.Quote, a.Kind));
        foreach (var with002 in kerry.Where(a => a.Source.Article == "002" || a.Target.Article == "002"))
        {
            var side = with002.Source.Article == "002" ? DiffOp.Delete : DiffOp.Insert;
            Assert.Contains(with002.Diff, run => run.Op == side && run.Text.Contains("action against ISIS", StringComparison.Ordinal));
        }

        var with000 = kerry.Where(a => a.Source.Article == "000").ToList();
        Assert.Equal(3, with000.Count);
        Assert.All(with000, a => Assert.Contains(a.Diff, run => run.Op == DiffOp.Delete && run.Text.Contains("[that]", StringComparison.Ordinal)));
    }

    [Fact]
    public void Align_Seeds_NoAlignmentMadeOfGenericPhrasesOnly()
    {
        Assert.All(SeedAlignments.Value, a =>
        {
            Assert.DoesNotContain("New York Times", a.Source.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Secretary of State John Kerry", a.Source.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Rear Adm", a.Source.Text, StringComparison.Ordinal);
            var equalWords = a.Diff.Where(r => r.Op == DiffOp.Equal).Sum(r => r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            // Short fragments align only as someone's quoted words.
            var least = a.Kind == PassageKind.Quote ? AlignmentOptions.Default.MinQuoteTokens : AlignmentOptions.Default.MinMatchedTokens;
            Assert.True(equalWords >= least, a.Source.Text);
        });
        Assert.DoesNotContain(SeedAlignments.Value, a => a.Source.Article == "003" || a.Target.Article == "003");
    }

    [Theory]
    [InlineData("000", "001", "out of question for Iran")]
    [InlineData("001", "002", "not something")]
    [InlineData("001", "004", "not something")]
    [InlineData("002", "004", "not something we're coordinating")]
    [InlineData("001", "004", "a threat to them, not only")]
    [InlineData("001", "004", "to deconflict")]
    public void Align_Seeds_ShortSharedQuotesAlignedBetweenTheRightFiles(string first, string second, string fragment)
    {
        Assert.Contains(SeedAlignments.Value, a =>
            a.Kind == PassageKind.Quote && a.Source.Article == first && a.Target.Article == second
            && a.Source.Text.Length < 60 && Flat(a.Source.Text).Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Align_Seeds_ShortQuotesCarryTheirSpeaker()
    {
        var abadi = Assert.Single(SeedAlignments.Value, a => a.Source.Text.Contains("threat to them", StringComparison.Ordinal));
        Assert.Contains("al-Abadi", abadi.Source.Speaker, StringComparison.Ordinal);
        Assert.Contains("al-Abadi", abadi.Target.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_Seeds_OffsetsIndexTheDecodedText()
    {
        var articles = Read().ToDictionary(a => a.Name);
        Assert.All(SeedAlignments.Value, a =>
        {
            Assert.Equal(articles[a.Source.Article].Original[a.Source.Start..a.Source.End], a.Source.Text);
            Assert.Equal(articles[a.Target.Article].Original[a.Target.Start..a.Target.End], a.Target.Text);
        });
    }

    [Fact]
    public void FindCandidates_Seeds_CandidatesAreTheArticlesThatShareQuotes()
    {
        var articles = Read();
        var index = new CandidateIndex();
        foreach (var article in articles)
        {
            index.Add(article);
        }

        var candidates = index.FindCandidates(articles[0]);

        // 003 shares only a title ("Secretary of State John Kerry") with 000: it may be a weak candidate in a corpus this
        // small (no shingle is common enough to be capped) but must rank below every article sharing a quote.
        Assert.Equal(["001", "002", "004"], candidates.Take(3).Select(c => c.Article).Order(StringComparer.Ordinal));
        Assert.All(candidates.Skip(3), c => Assert.Equal("003", c.Article));
        Assert.All(candidates.Skip(3), c => Assert.True(c.SharedShingles < candidates[2].SharedShingles));
    }

    private static List<Article> Read() =>
        new[] { "000", "001", "002", "003", "004" }.Select(n =>
        {
            var result = ArticleReader.Read(n, System.Text.Encoding.UTF8.GetBytes(TestArticles.Seed(n)));
            return result.Article ?? throw new InvalidOperationException($"seed {n} rejected: {result.Rejection}");
        }).ToList();

    private static List<Alignment> AlignSeeds()
    {
        var articles = Read();
        var all = new List<Alignment>();
        for (var a = 0; a < articles.Count; a++)
        {
            for (var b = a + 1; b < articles.Count; b++)
            {
                all.AddRange(PassageAligner.Align(articles[a], articles[b]));
            }
        }

        return all;
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
