using Pipeline.Core.Tokens;
using Xunit;

namespace Pipeline.Core.Tests.Tokens;

public class WordKeyTests
{
    [Theory]
    [InlineData("it’s", "it's")]
    [InlineData("it's", "it's")]
    [InlineData("IT\u02BCS", "it's")]
    [InlineData("de-conflict", "deconflict")]
    [InlineData("de\u2010conflict", "deconflict")]
    [InlineData("de\u00ADconflict", "deconflict")]
    [InlineData("de-\nconflict", "deconflict")]
    [InlineData("U.S.", "us")]
    [InlineData("1.5", "1.5")]
    [InlineData("1,000", "1000")]
    [InlineData("Kirby", "kirby")]
    [InlineData("ＩＳＩＬ", "isil")]
    [InlineData("ﬁghters", "fighters")]
    [InlineData("U.S.-led", "usled")]
    public void Of_Word_IsMatchingForm(string word, string key)
    {
        Assert.Equal(key, WordKey.Of(word, 0, word.Length));
    }
}
