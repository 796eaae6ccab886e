using Pipeline.Bench.Corpus;
using Xunit;

namespace Pipeline.Bench.Tests;

public class CorpusGeneratorTests
{
    [Fact]
    public void Stored_SameSeedTwice_SameArticles()
    {
        var a = SeedsCorpus.Generator(7);
        var b = SeedsCorpus.Generator(7);
        for (var i = 0; i < 50; i++)
        {
            var x = a.Stored(i);
            var y = b.Stored(i);
            Assert.Equal(x.Name, y.Name);
            Assert.Equal(x.Text, y.Text);
            Assert.Equal(x.Planted, y.Planted);
        }
    }

    [Fact]
    public void Stored_RegeneratedOutOfOrder_SameArticle()
    {
        var generator = SeedsCorpus.Generator();
        var first = generator.Stored(1234);
        _ = generator.Stored(3);
        _ = generator.Query(5);
        Assert.Equal(first.Text, generator.Stored(1234).Text);
    }

    [Fact]
    public void Stored_DifferentSeeds_DifferentText()
    {
        Assert.NotEqual(SeedsCorpus.Generator(1).Stored(0).Text, SeedsCorpus.Generator(2).Stored(0).Text);
    }

    [Fact]
    public void Planted_EveryCopy_SpanHoldsMostOfThePassageInOrder()
    {
        var generator = SeedsCorpus.Generator();
        var copies = 0;
        for (var i = 0; i < 200; i++)
        {
            var article = generator.Stored(i);
            foreach (var copy in article.Planted)
            {
                copies++;
                Assert.InRange(copy.Start, 0, copy.End - 1);
                Assert.InRange(copy.End, copy.Start + 1, article.Text.Length);
                var passage = Words(generator.PassageText(copy.PassageId));
                var span = Words(article.Text[copy.Start..copy.End]);
                Assert.True(CommonSubsequence(passage, span) >= passage.Count * 0.6,
                    $"{article.Name}: planted span '{article.Text[copy.Start..copy.End]}' lost too much of '{generator.PassageText(copy.PassageId)}'");
            }
        }

        Assert.True(copies > 100, $"only {copies} planted copies in 200 articles");
    }

    [Fact]
    public void Planted_AcrossCopies_UsesEveryOutletEdit()
    {
        var generator = SeedsCorpus.Generator();
        var seen = OutletEdit.None;
        for (var i = 0; i < 400; i++)
        {
            foreach (var copy in generator.Stored(i).Planted)
            {
                seen |= copy.Edits;
            }
        }

        foreach (var edit in Enum.GetValues<OutletEdit>().Where(e => e != OutletEdit.None))
        {
            Assert.True(seen.HasFlag(edit), $"no copy got {edit}");
        }
    }

    [Fact]
    public void Expected_Query_ListsEveryStoredCopyOfItsPassages()
    {
        var generator = SeedsCorpus.Generator();
        for (var q = 0; q < 30; q++)
        {
            var query = generator.Query(q);
            var expected = generator.Expected(q, query, corpusSize: 100);
            var story = generator.QueryStory(q);
            var stored = Enumerable.Range(story * CorpusGenerator.StorySize, CorpusGenerator.StorySize)
                .SelectMany(i => generator.Stored(i).Planted.Select(p => (i, p.PassageId)))
                .ToHashSet();
            Assert.Equal(stored, expected.Select(e => (e.StoredIndex, e.PassageId)).ToHashSet());
            Assert.All(expected, e => Assert.Contains(query.Planted, p => p.PassageId == e.PassageId));
            Assert.NotEmpty(expected);
        }
    }

    [Fact]
    public void Expected_SmallerCorpus_OnlyArticlesInsideIt()
    {
        var generator = SeedsCorpus.Generator();
        for (var q = 0; q < 30; q++)
        {
            var query = generator.Query(q);
            Assert.All(generator.Expected(q, query, corpusSize: 10), e => Assert.InRange(e.StoredIndex, 0, 9));
        }
    }

    [Fact]
    public void StoredIndexOf_GeneratedName_RoundTrips()
    {
        var generator = SeedsCorpus.Generator();
        foreach (var i in new[] { 0, 7, 4_321, 99_999 })
        {
            Assert.Equal(i, CorpusGenerator.StoredIndexOf(generator.Stored(i).Name));
        }

        Assert.Null(CorpusGenerator.StoredIndexOf(generator.Query(0).Name));
        Assert.Null(CorpusGenerator.StoredIndexOf("seeds/000_d3b1e8ddd48edc73.txt"));
    }

    private static List<string> Words(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant())
            .Where(w => w.Length > 0)
            .ToList();

    private static int CommonSubsequence(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }
}
