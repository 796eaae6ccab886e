using Pipeline.Core.Segmentation;
using Xunit;

namespace Pipeline.Core.Tests.Segmentation;

public class AttributionFinderTests
{
    [Theory]
    [InlineData(", Kirby said.", "Kirby")]
    [InlineData(" Kirby added.", "Kirby")]
    [InlineData(" Kerry told a news conference in Brussels.", "Kerry")]
    [InlineData(", said Kerry. Then more.", "Kerry")]
    [InlineData(", said Pentagon spokesman Rear Adm. John F. Kirby.", "Rear Adm. John F. Kirby")]
    [InlineData(" Pentagon spokesmen Rear Admiral John Kirby said at a press conference on Wednesday.", "Rear Admiral John Kirby")]
    [InlineData(" Iraq’s prime minister, Haider al-Abadi, said in a recent interview.", "Haider al-Abadi")]
    [InlineData(" al-Abadi added,", "al-Abadi")]
    [InlineData(", said Kerry on Tuesday.", "Kerry")]
    public void AfterQuote_NamedAttribution_ReturnsNameAsWritten(string narrative, string name)
    {
        var found = AttributionFinder.AfterQuote(narrative, 0, narrative.Length);

        Assert.Equal(AttributionKind.Named, found.Kind);
        Assert.Equal(name, found.Name);
    }

    [Theory]
    [InlineData(" he said.", "Pronoun")]
    [InlineData(" she told the newspaper.", "Pronoun")]
    [InlineData(" a senior Iranian official told Reuters.", "Unnamed")]
    [InlineData(" in that the U.S. is hesitant.", "None")]
    [InlineData(". Then the meeting ended and everyone said goodbye.", "None")]
    public void AfterQuote_OtherNarrative_ReportsKind(string narrative, string kind)
    {
        Assert.Equal(kind, AttributionFinder.AfterQuote(narrative, 0, narrative.Length).Kind.ToString());
    }

    [Theory]
    [InlineData("Speaking in Brussels on Wednesday, U.S. Secretary of State John Kerry said: ", "U.S. Secretary of State John Kerry")]
    [InlineData("Secretary of State John Kerry said Tuesday that ", "Secretary of State John Kerry")]
    [InlineData("Ali Khedery, a former American official in Iraq, told The Times, ", "Ali Khedery")]
    [InlineData("Meanwhile, US Secretary of State John Kerry warned against the dangers of military involvement: ", "US Secretary of State John Kerry")]
    [InlineData("According to Kirby, ", "Kirby")]
    public void BeforeQuote_LeadIn_ReturnsName(string narrative, string name)
    {
        var found = AttributionFinder.BeforeQuote(narrative, 0, narrative.Length);

        Assert.Equal(AttributionKind.Named, found.Kind);
        Assert.Equal(name, found.Name);
    }

    [Fact]
    public void Anywhere_NarrativeWithAppositive_ReturnsSubject()
    {
        const string text = "But Hamid Reza Taraghi, an Iranian politician who spoke with the Los Angeles Times on Tuesday, said Iranian military action was within Tehran’s rights.";

        var found = AttributionFinder.Anywhere(text, 0, text.Length);

        Assert.Equal("Hamid Reza Taraghi", found.Name);
    }
}
