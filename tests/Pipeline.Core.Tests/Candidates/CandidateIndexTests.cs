using System.Globalization;
using Pipeline.Core.Candidates;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Candidates;

public class CandidateIndexTests
{
    private const string Kirby = "\"We are not coordinating with nor are we deconflicting with Iranian military,\" Kirby said.";

    [Fact]
    public void FindCandidates_ArticleSharingAQuote_IsCandidateWithSeedRegion()
    {
        var index = new CandidateIndex();
        index.Add(TestArticles.From("one", "Pentagon spokesman John Kirby spoke on Wednesday. " + Kirby + " He did not elaborate further."));
        index.Add(TestArticles.From("two", "Bananas are rich in potassium and growers in Ecuador export most of the world's supply."));

        var query = TestArticles.From("q", "In Washington the message was blunt. " + Kirby);
        var candidates = index.FindCandidates(query);

        var candidate = Assert.Single(candidates);
        Assert.Equal("one", candidate.Article);
        Assert.True(candidate.SharedShingles >= 2);
        var region = Assert.Single(candidate.Regions);
        Assert.InRange(region.QueryFirst, 6, 20);
        Assert.InRange(region.CandidateFirst, 6, 20);
    }

    [Fact]
    public void FindCandidates_GenericPhraseInManyArticles_NeverMakesACandidate()
    {
        var index = new CandidateIndex(new CandidateOptions(MaxPostingsPerShingle: 20));
        for (var i = 0; i < 50; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            index.Add(TestArticles.From("a" + n, $"The New York Times reported that storm number {n} flooded district {n} of town {n} again."));
        }

        var query = TestArticles.From("q", "The New York Times reported that the central bank raised interest rates to curb inflation.");

        Assert.Empty(index.FindCandidates(query));
        Assert.Equal(50, index.Count);
    }

    [Fact]
    public void FindCandidates_QueryArticleItself_IsLeftOut()
    {
        var index = new CandidateIndex();
        var article = TestArticles.From("self", Kirby);
        index.Add(article);

        Assert.Empty(index.FindCandidates(article));
    }

    [Fact]
    public void Remove_StoredArticle_NoLongerACandidate()
    {
        var index = new CandidateIndex();
        index.Add(TestArticles.From("one", Kirby));
        index.Add(TestArticles.From("two", "Officials said: " + Kirby));

        Assert.True(index.Remove("one"));
        Assert.False(index.Remove("one"));

        var candidates = index.FindCandidates(TestArticles.From("q", Kirby));
        Assert.Equal(["two"], candidates.Select(c => c.Article));
    }

    [Fact]
    public void Rank_PersistedPostings_SameAsInMemoryIndex()
    {
        var stored = new[]
        {
            TestArticles.From("one", "Pentagon spokesman John Kirby spoke on Wednesday. " + Kirby),
            TestArticles.From("two", "Unrelated text about bananas and potassium in Ecuador and elsewhere in the world."),
            TestArticles.From("three", Kirby + " Then the briefing ended abruptly after questions about Syria."),
        };
        var index = new CandidateIndex();
        var postings = new List<Posting>();
        foreach (var article in stored)
        {
            foreach (var shingle in index.Add(article))
            {
                postings.Add(new Posting(shingle.Hash, article.Name, shingle.Position));
            }
        }

        var query = TestArticles.From("q", "Asked again, " + Kirby);
        var fromIndex = index.FindCandidates(query);
        var fromPostings = CandidateRanking.Rank(Fingerprint.Of(query), postings, exclude: "q");

        Assert.Equal(["one", "three"], fromIndex.Select(c => c.Article).Order(StringComparer.Ordinal));
        Assert.Equal(fromIndex.Select(c => (c.Article, c.SharedShingles)), fromPostings.Select(c => (c.Article, c.SharedShingles)));
    }

    [Fact]
    public void FindCandidates_AfterManyAdditionsAndRemovals_StillExactAndGenericHashesDropped()
    {
        // Enough postings to force several merges of recent additions into the sorted arrays.
        var index = new CandidateIndex(new CandidateOptions(MaxPostingsPerShingle: 50), new FingerprintOptions(Window: 1));
        for (var i = 0; i < 400; i++)
        {
            index.Add(TestArticles.From("a" + N(i), "The New York Times reported that " + Words(i, 300) + "."));
        }

        for (var i = 0; i < 400; i += 2)
        {
            index.Remove("a" + N(i));
        }

        var odd = index.FindCandidates(TestArticles.From("q", "Text before. " + Words(301, 40) + " and after."));
        var even = index.FindCandidates(TestArticles.From("q", "Text before. " + Words(300, 40) + " and after."));
        var generic = index.FindCandidates(TestArticles.From("q", "The New York Times reported that bananas are yellow."));

        Assert.Equal(["a301"], odd.Select(c => c.Article));
        Assert.Empty(even);
        Assert.Empty(generic);
        Assert.Equal(200, index.Count);
        Assert.InRange(index.PostingCount, 200 * 290, 400 * 300);
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    // Distinct made-up words per article so only the intended article shares them.
    private static string Words(int article, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(w => "x" + N(article) + "y" + N(w)));
}
