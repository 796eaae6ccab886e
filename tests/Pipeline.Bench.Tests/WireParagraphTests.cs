using Pipeline.Bench.Corpus;
using Xunit;

namespace Pipeline.Bench.Tests;

public sealed class WireParagraphTests
{
    [Fact]
    public void InsertEvery_PutsTheParagraphIntoEveryNthArticle_AsItsThirdLine()
    {
        var articles = Enumerable.Range(0, 9).Select(i => new RealArticle($"o/{i}.txt", $"Title {i}\nFirst line.\nSecond line.")).ToList();
        var wired = WireParagraph.InsertEvery(articles, 4);
        Assert.Equal([0, 4, 8], wired.Select((a, i) => (a, i)).Where(x => x.a.Text.Contains(WireParagraph.Text, StringComparison.Ordinal)).Select(x => x.i));
        Assert.Equal($"Title 0\nFirst line.\n{WireParagraph.Text}\nSecond line.", wired[0].Text);
        Assert.Equal(articles[1], wired[1]);
        Assert.Equal(articles.Select(a => a.Name), wired.Select(a => a.Name));
    }

    [Fact]
    public void InsertEvery_AppendsToAShortArticle_AndRefusesZero()
    {
        Assert.Equal($"One line\n{WireParagraph.Text}", WireParagraph.InsertEvery([new RealArticle("a.txt", "One line")], 1)[0].Text);
        Assert.Throws<ArgumentOutOfRangeException>(() => WireParagraph.InsertEvery([], 0));
    }
}
