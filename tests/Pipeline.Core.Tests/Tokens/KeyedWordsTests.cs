using Pipeline.Core.Articles;
using Pipeline.Core.Tokens;
using Xunit;

namespace Pipeline.Core.Tests.Tokens;

public class KeyedWordsTests
{
    private static (string Text, string Key)[] Build(string text, ReadOptions? options = null) =>
        KeyedWords.Build(text, WordScanner.Scan(text), options ?? ReadOptions.Default)
            .Select(w => (text[w.Start..w.End], w.Key)).ToArray();

    [Theory]
    [InlineData("ISIL")]
    [InlineData("ISIS")]
    [InlineData("Daesh")]
    [InlineData("Islamic State")]
    [InlineData("Islamic State of Iraq and the Levant")]
    [InlineData("IS")]
    public void Build_IslamicStateName_HasAliasKey(string name)
    {
        var words = Build($"fighting {name} today");

        Assert.Equal([("fighting", "fighting"), (name, "isis"), ("today", "today")], words);
    }

    [Fact]
    public void Build_LowerCaseIs_IsNotTheAlias()
    {
        Assert.Equal("is", Build("it is late")[1].Key);
    }

    [Fact]
    public void Build_IsInAllCapitalsHeadline_IsNotTheAlias()
    {
        Assert.Equal("is", Build("IRAN IS STRIKING")[1].Key);
    }

    [Fact]
    public void Build_ListedCompoundWrittenApart_IsOneToken()
    {
        var words = Build("the Iraqi air space and more");

        Assert.Contains(("air space", "airspace"), words);
    }

    [Fact]
    public void Build_PairWhoseConcatenationIsAWordOfTheText_IsOneToken()
    {
        var words = Build("a hand shake was a handshake");

        Assert.Equal("handshake", words[1].Key);
        Assert.Equal("hand shake", words[1].Text);
    }

    [Fact]
    public void Build_PairWhoseConcatenationOccursOnlyHyphenated_StaysApart()
    {
        // Other outlets write "law firm": joining it because this text once wrote "law-firm" would hide what they share.
        var words = Build("the law firm at the center, a law-firm partner said");

        Assert.Equal(["the", "law", "firm", "at"], words.Take(4).Select(w => w.Key));
    }

    [Fact]
    public void Build_ShortPartsWhoseConcatenationOccurs_StayApart()
    {
        var words = Build("a way out, away from here");

        Assert.Equal(["a", "way", "out", "away", "from", "here"], words.Select(w => w.Key));
    }

    [Fact]
    public void Build_PairAcrossPunctuation_IsNotJoined()
    {
        var words = Build("the air. space is airspace");

        Assert.Equal("air", words[1].Key);
    }

    [Fact]
    public void Build_CustomOptions_UseTheirTables()
    {
        var options = new ReadOptions
        {
            Aliases = new Dictionary<string, string> { ["Department of Defense"] = "pentagon" },
            Compounds = ["nightfall"],
        };

        var words = Build("the Department of Defense said night fall came", options);

        Assert.Equal(["the", "pentagon", "said", "nightfall", "came"], words.Select(w => w.Key));
    }
}
