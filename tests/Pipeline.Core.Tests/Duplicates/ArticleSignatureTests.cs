using Pipeline.Core.Duplicates;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Duplicates;

public class ArticleSignatureTests
{
    [Fact]
    public void Of_SameWordsUnderOtherNameAndLayout_SameSignature()
    {
        var a = ArticleSignature.Of(TestArticles.From("a.txt", "Iran struck targets in Diyala.\nThe Pentagon confirmed it."));
        var b = ArticleSignature.Of(TestArticles.From("copy-17.txt", "Iran struck targets in Diyala. The Pentagon   confirmed it."));

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Of_OneWordDifferent_DifferentSignature()
    {
        var a = ArticleSignature.Of(TestArticles.From("a", "Iran struck targets in Diyala."));
        var b = ArticleSignature.Of(TestArticles.From("a", "Iran struck targets in Anbar."));

        Assert.NotEqual(a, b);
    }
}
