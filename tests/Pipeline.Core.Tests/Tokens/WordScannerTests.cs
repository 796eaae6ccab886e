using Pipeline.Core.Tokens;
using Xunit;

namespace Pipeline.Core.Tests.Tokens;

public class WordScannerTests
{
    private static string[] Words(string text) => WordScanner.Scan(text).Select(w => text[w.Start..w.End]).ToArray();

    [Theory]
    [InlineData("it’s Iraq's call", new[] { "it’s", "Iraq's", "call" })]
    [InlineData("de-conflict the U.S.-led anti-ISIL effort", new[] { "de-conflict", "the", "U.S.-led", "anti-ISIL", "effort" })]
    [InlineData("at 10 a.m. on 1.5 and 1,000 days", new[] { "at", "10", "a.m.", "on", "1.5", "and", "1,000", "days" })]
    [InlineData("the U.S. and Iran", new[] { "the", "U.S.", "and", "Iran" })]
    [InlineData("John F. Kirby", new[] { "John", "F", "Kirby" })]
    [InlineData("place... and — then . . . net", new[] { "place", "and", "then", "net" })]
    [InlineData("“quoted” (editorial) [ISIL]", new[] { "quoted", "editorial", "ISIL" })]
    [InlineData("'single quotes' end.", new[] { "single", "quotes", "end" })]
    [InlineData("café naïve 東京 𝐀𝐁", new[] { "café", "naïve", "東京", "𝐀𝐁" })]
    public void Scan_Text_FindsWords(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Fact]
    public void Scan_HyphenAtLineEndBeforeLowerCase_JoinsWord()
    {
        Assert.Equal(["de-\nconflict", "it"], Words("de-\nconflict it"));
        Assert.Equal(["de-\r\n  conflict"], Words("de-\r\n  conflict"));
    }

    [Theory]
    [InlineData("de-\n \n before")]
    [InlineData("de-\n\nbefore")]
    [InlineData("de-\r\n\r\nbefore")]
    public void Scan_HyphenBeforeAParagraphBreak_DoesNotJoinAcrossIt(string text)
    {
        // A word across a paragraph break would end past the passage that holds its first half (found by a property test).
        Assert.Equal(["de", "before"], Words(text));
    }

    [Fact]
    public void Scan_DashBetweenSpaces_IsNotAWord()
    {
        Assert.Equal(["one", "two"], Words("one - two"));
    }

    [Fact]
    public void Scan_LoneSurrogate_IsSkipped()
    {
        Assert.Equal(["a", "b"], Words("a\uD800 b"));
    }

    [Fact]
    public void Scan_OneMegabyteWord_IsOneWord()
    {
        var text = new string('x', 1 << 20);

        Assert.Single(WordScanner.Scan(text));
    }
}
