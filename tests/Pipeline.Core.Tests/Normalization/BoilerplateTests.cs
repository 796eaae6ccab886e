using Pipeline.Core.Normalization;
using Xunit;

namespace Pipeline.Core.Tests.Normalization;

public class BoilerplateTests
{
    private static ParagraphRole[] Classify(params string[] paragraphs)
    {
        var text = string.Join("\n\n", paragraphs);
        return Boilerplate.Classify(text, LayoutRepair.Paragraphs(text));
    }

    private const string Prose1 = "Iran has carried out airstrikes against militants in eastern Iraq, officials said on Wednesday.";
    private const string Prose2 = "The Pentagon said it was not coordinating with the Iranian military in any way.";

    [Fact]
    public void Classify_TrailingWidgetsAfterLastProse_AreBoilerplate()
    {
        var roles = Classify(Prose1, Prose2, "Related News", "Leave a Reply", "Please log in using one of these methods to post your comment:", "Connecting to %s");

        Assert.Equal([ParagraphRole.Prose, ParagraphRole.Prose, ParagraphRole.Boilerplate, ParagraphRole.Boilerplate, ParagraphRole.Boilerplate, ParagraphRole.Boilerplate], roles);
    }

    [Fact]
    public void Classify_LanguagePicker_IsBoilerplate()
    {
        var roles = Classify("Portuguese / Spanish / English", "Middle East Near You", "US and Iran in Iraq: parallel action but still no coordination", Prose1);

        Assert.Equal([ParagraphRole.Boilerplate, ParagraphRole.Boilerplate, ParagraphRole.Title, ParagraphRole.Prose], roles);
    }

    [Fact]
    public void Read_TweetJoinedToACopyrightLine_TweetKeptNoticeMarked()
    {
        // The tweet's last line has no full stop, so layout repair joins the copyright line to it.
        var article = Pipeline.Core.Tests.Support.RealArticles.Read("a", Prose1,
            "Flight #HA446 just took off from New Zealand in 2018 and will land in Hawaii back in 2017! pic.twitter.com/3KsCEniCOL — Flightradar24 (@flightradar24) December 31, 2017\nCopyright 2018 Hawaii News Now. All rights reserved.");

        Assert.Contains("will land in Hawaii back in 2017", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Passages, p => p.Boilerplate is not null && article.Original[p.Start..p.End].Contains("All rights reserved", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_CopyrightLine_IsBoilerplateEvenAsASentence()
    {
        var roles = Classify(Prose1, "© 2023 Newsmax. All rights reserved.", Prose2);

        Assert.Equal(ParagraphRole.Boilerplate, roles[1]);
    }

    [Theory]
    [InlineData("\u00A9 2014 Al Jazeera Media Network")]
    [InlineData("Copyright \u00A92015 Reuters")]
    [InlineData("Photograph: AP \u00A9")]
    public void Classify_CopyrightSign_IsBoilerplate(string line)
    {
        Assert.Equal(ParagraphRole.Boilerplate, Classify(Prose1, line, Prose2)[1]);
    }

    [Fact]
    public void Classify_CopyrightSignGluedToALetter_IsMojibakeNotACopyright()
    {
        var roles = Classify(Prose1, "The minister met officials at the caf\u00C3\u00A9 on Tuesday.", Prose2);

        Assert.Equal(ParagraphRole.Prose, roles[1]);
    }

    [Fact]
    public void Classify_RepeatedShortLine_IsBoilerplateEverywhere()
    {
        var roles = Classify(Prose1, "Show Comments", Prose2, "Show Comments");

        Assert.Equal(ParagraphRole.Boilerplate, roles[1]);
        Assert.Equal(ParagraphRole.Boilerplate, roles[3]);
    }

    [Fact]
    public void Classify_RepeatedProse_KeepsFirstCopy()
    {
        var roles = Classify(Prose1, Prose2, Prose1);

        Assert.Equal([ParagraphRole.Prose, ParagraphRole.Prose, ParagraphRole.Boilerplate], roles);
    }

    [Fact]
    public void Classify_ShortHeadingBetweenProse_IsKeptAsHeading()
    {
        var roles = Classify(Prose1, "Conflicting interests", Prose2);

        Assert.Equal(ParagraphRole.Heading, roles[1]);
    }

    [Fact]
    public void Classify_HeadlineAndSubtitleBeforeProse_AreTitleAndHeading()
    {
        var roles = Classify("US, Iran strikes on ISIL show parallel roles for traditional foes", "Washington and Tehran are on the same side against ISIL, even as they deny coordination", Prose1);

        Assert.Equal([ParagraphRole.Title, ParagraphRole.Heading, ParagraphRole.Prose], roles);
    }

    [Fact]
    public void Classify_LinkFarmOfShortItems_IsBoilerplate()
    {
        var roles = Classify(Prose1, "Middle East Monitor Webinar - Palestine Book Awards 2020 - Join the Awards Ceremony - Book your tickets - 5 November 2020", Prose2);

        Assert.Equal(ParagraphRole.Boilerplate, roles[1]);
    }

    [Fact]
    public void Classify_ShortQuoteParagraphBetweenProse_IsKept()
    {
        var roles = Classify(Prose1, "\"We are not coordinating,\" Kirby said.", Prose2);

        Assert.Equal(ParagraphRole.Prose, roles[1]);
    }
}
