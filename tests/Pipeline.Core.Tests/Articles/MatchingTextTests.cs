using Pipeline.Core.Articles;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class MatchingTextTests
{
    [Theory]
    [InlineData("deconflict", "de-conflict")]
    [InlineData("it's", "It’s")]
    [InlineData("airspace", "air space")]
    [InlineData("ISIL", "Islamic State")]
    [InlineData("Daesh", "ISIS")]
    [InlineData("net effect is positive", "net effect... is — positive")]
    [InlineData("U.S.", "US")]
    [InlineData("ﬁghters", "fighters")]
    public void Normalize_Variants_HaveTheSameMatchingForm(string a, string b)
    {
        Assert.Equal(MatchingText.Normalize(a), MatchingText.Normalize(b));
    }

    [Fact]
    public void Normalize_Sentence_IsSpaceSeparatedKeys()
    {
        Assert.Equal("we are not deconflicting with isis", MatchingText.Normalize("“We are NOT de-conflicting with ISIL,” . . ."));
    }

    [Fact]
    public void Normalize_NoWords_IsEmpty()
    {
        Assert.Equal(string.Empty, MatchingText.Normalize(" — … \"\" "));
    }
}
