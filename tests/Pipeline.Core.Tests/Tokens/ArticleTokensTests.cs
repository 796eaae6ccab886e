using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Tokens;

public class ArticleTokensTests
{
    [Fact]
    public void Read_QuoteWithBracketedInsertion_FlagsEditorialAndQuoted()
    {
        var article = ArticleAssertions.ReadText("Kerry said: \"If Iran is taking on [ISIL] in some place (the Iranians) act.\" Then he left.");

        var isil = article.Tokens.Single(t => article.Slice(t) == "ISIL");
        var iranians = article.Tokens.Single(t => article.Slice(t) == "Iranians");
        var taking = article.Tokens.Single(t => article.Slice(t) == "taking");
        var kerry = article.Tokens.Single(t => article.Slice(t) == "Kerry");

        Assert.Equal(TokenFlags.Editorial | TokenFlags.Quoted, isil.Flags);
        Assert.Equal(TokenFlags.Editorial | TokenFlags.Quoted, iranians.Flags);
        Assert.Equal(TokenFlags.Quoted, taking.Flags);
        Assert.Equal(TokenFlags.None, kerry.Flags);
    }

    [Fact]
    public void Read_ParenthesesOutsideQuotes_AreNotEditorial()
    {
        var article = ArticleAssertions.ReadText("WASHINGTON (CBS DC) Iranian airstrikes were conducted.");

        Assert.All(article.Tokens, t => Assert.Equal(TokenFlags.None, t.Flags));
    }

    [Fact]
    public void Read_Tokens_IndexOriginalAndCarryKeys()
    {
        var original = "It’s the Iraqi air  space and [Iraq’s] to de-\nconflict.";
        var article = ArticleAssertions.ReadText(original);

        Assert.Equal(["it's", "the", "iraqi", "airspace", "and", "iraq's", "to", "deconflict"], article.Tokens.Select(t => t.Key));
        Assert.Equal("air  space", article.Slice(article.Tokens[3]));
        Assert.Equal("de-\nconflict", article.Slice(article.Tokens[7]));
    }

    [Fact]
    public void Read_Seed000_SquareBracketInsertionsInKirbyQuoteAreEditorial()
    {
        var article = Seeds.Read("000");

        var iraqs = article.Tokens.Where(t => article.Slice(t) == "Iraq’s" && (t.Flags & TokenFlags.Editorial) != 0);

        Assert.NotEmpty(iraqs);
    }
}
