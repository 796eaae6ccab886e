using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class SeedArticleTests
{
    private const string KirbyWords = "We are not coordinating with nor are we deconflicting with Iranian military";

    public static TheoryData<string> AllSeeds => new(Seeds.Names.Select(n => n[..3]));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    public void Read_KirbySeed_KirbyQuoteIsQuotePassageBySpeakerKirby(string seed)
    {
        var article = Seeds.Read(seed);

        var passage = article.PassageContaining(KirbyWords);

        Assert.Equal(PassageKind.Quote, passage.Kind);
        Assert.Equal("kirby", passage.SpeakerKey);
        Assert.EndsWith("Kirby", passage.Speaker, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000", "net effect [that] is positive")]
    [InlineData("001", "the net effect is positive")]
    [InlineData("002", "a net effect that is positive")]
    [InlineData("004", "the net effect is positive")]
    public void Read_KerrySeed_NetEffectQuoteIsQuotePassageBySpeakerKerry(string seed, string words)
    {
        var article = Seeds.Read(seed);

        var passage = article.PassageContaining(words);

        Assert.Equal(PassageKind.Quote, passage.Kind);
        Assert.Equal("kerry", passage.SpeakerKey);
        Assert.EndsWith("Kerry", passage.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Seed001_ContinuedQuoteAfterSaidKerryKeepsSpeaker()
    {
        var article = Seeds.Read("001");

        var passage = article.PassageContaining("But that’s not something that we’re coordinating.");

        Assert.Equal(PassageKind.Quote, passage.Kind);
        Assert.Equal("kerry", passage.SpeakerKey);
    }

    [Fact]
    public void Read_Seed004_FullTitledSpeakerIsWrittenInFull()
    {
        var article = Seeds.Read("004");

        var passage = article.PassageContaining("We are flying missions over Iraq");

        Assert.Equal("Rear Adm. John F. Kirby", passage.Speaker);
        Assert.Equal("kirby", passage.SpeakerKey);
    }

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Read_Seed_NoBoilerplateLineInText(string seed)
    {
        var article = Seeds.Read(seed);

        foreach (var line in BoilerplateLines)
        {
            Assert.DoesNotContain(line, article.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Read_Seed_LastProseParagraphIsKept(string seed)
    {
        var article = Seeds.Read(seed);
        var lastProse = seed switch
        {
            "000" => "Pentagon spokesmen Rear Admiral John Kirby said at a press conference on Wednesday.",
            "001" => "said cooperation with Washington is “out of question for Iran.”",
            "002" => "The United States is calling for al-Assad's removal.",
            "003" => "action by both that is parallel but definitely not coordinated.",
            _ => "it would allow for more open coordination between the two nations.",
        };

        Assert.EndsWith(lastProse, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Seed002_HardWrappedLinesAreJoinedIntoParagraphs()
    {
        var article = Seeds.Read("002");

        Assert.Contains("\"We are not coordinating with nor are we deconflicting with Iranian military,\" he said.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("We\nare", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000", "US, Iran strikes on ISIL show parallel roles for traditional foes")]
    [InlineData("003", "US and Iran in Iraq: parallel action but still no coordination")]
    public void Read_SeedWithHeadline_TitleIsHeadline(string seed, string title)
    {
        var article = Seeds.Read(seed);

        Assert.Equal(title, article.Title);
    }

    private static readonly string[] BoilerplateLines =
    [
        "Al Jazeera and wire services",
        "Related News",
        "Find Al Jazeera America on your TV",
        "Get email updates from Al Jazeera America",
        "Sign up for our weekly newsletter",
        "Leave a Reply",
        "Please log in using one of these methods to post your comment:",
        "Google+ photo",
        "You are commenting using your",
        "Twitter picture",
        "Facebook photo",
        "Connecting to %s",
        "No comments:",
        "Post a Comment",
        "Portuguese / Spanish / English",
        "Middle East Near You",
        "Blogs - PoliticsIraqUS",
        "Show Comments",
        "Middle East Monitor Webinar",
        "© 2023 Newsmax. All rights reserved.",
        "All rights reserved",
    ];
}
