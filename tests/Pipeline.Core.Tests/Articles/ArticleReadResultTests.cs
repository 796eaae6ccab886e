using Pipeline.Core.Articles;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class ArticleReadResultTests
{
    [Fact]
    public void Rejected_CodeAndMessage_IsRejectedWithoutArticle()
    {
        var result = ArticleReadResult.Rejected(Rejection.Binary, "a PNG image");

        Assert.True(result.IsRejected);
        Assert.Null(result.Article);
        Assert.Equal(new Rejection("binary", "a PNG image"), result.Rejection);
    }

    [Fact]
    public void Accepted_Article_IsNotRejected()
    {
        var article = Support.ArticleAssertions.ReadText("Kirby said so on Wednesday.");

        var result = ArticleReadResult.Accepted(article);

        Assert.False(result.IsRejected);
        Assert.Same(article, result.Article);
    }

    [Theory]
    [InlineData(Rejection.Empty, "empty")]
    [InlineData(Rejection.Binary, "binary")]
    [InlineData(Rejection.Undecodable, "undecodable")]
    [InlineData(Rejection.NoProse, "no-prose")]
    [InlineData(Rejection.TooLarge, "too-large")]
    public void Codes_AreStableLowerKebab(string code, string expected)
    {
        Assert.Equal(expected, code);
    }
}
