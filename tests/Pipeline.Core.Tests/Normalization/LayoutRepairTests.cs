using Pipeline.Core.Normalization;
using Xunit;

namespace Pipeline.Core.Tests.Normalization;

public class LayoutRepairTests
{
    private static string[] Paragraphs(string text) =>
        LayoutRepair.Paragraphs(text)
            .Select(p => string.Join(" ", p.Lines.Select(l => text[l.Start..l.End])))
            .ToArray();

    [Fact]
    public void Paragraphs_LineBrokenMidSentence_JoinsLines()
    {
        var result = Paragraphs("\"We\nare not coordinating with nor are we deconflicting with Iranian military,\"\nhe said. Both sides agree.\n");

        Assert.Equal(["\"We are not coordinating with nor are we deconflicting with Iranian military,\" he said. Both sides agree."], result);
    }

    [Fact]
    public void Paragraphs_BlankLine_SeparatesParagraphs()
    {
        var result = Paragraphs("First paragraph is here\n\n\n  Second paragraph is here.  \n");

        Assert.Equal(["First paragraph is here", "Second paragraph is here."], result);
    }

    [Fact]
    public void Paragraphs_SentenceEndThenCapital_StartsNewParagraph()
    {
        var result = Paragraphs("The first line ends a sentence.\nThe second line is another paragraph.");

        Assert.Equal(2, result.Length);
    }

    [Fact]
    public void Paragraphs_SentenceEndThenLowerCase_Joins()
    {
        var result = Paragraphs("It ends with U.S.\ncapabilities that matter.");

        Assert.Single(result);
    }

    [Fact]
    public void Paragraphs_TitleAbbreviationAtLineEnd_Joins()
    {
        var result = Paragraphs("the terrorist actions of ISIL in Iraq,\" Gen.\nMassoud Jazayeri told the agency.");

        Assert.Single(result);
    }

    [Fact]
    public void Paragraphs_CommaAtLineEndBeforeCapital_Joins()
    {
        var result = Paragraphs("Iran has been more aggressive in its attacks against the Sunni extremists,\nThe New York Times reported.");

        Assert.Single(result);
    }

    [Fact]
    public void Paragraphs_ShortHeadingBeforeCapitalisedLine_StaysSeparate()
    {
        var result = Paragraphs("Kirby said.\nA common\nenemy\nYet ISIS is one of\nfew issues that Iran and the United States agree on.");

        Assert.Equal(["Kirby said.", "A common enemy", "Yet ISIS is one of few issues that Iran and the United States agree on."], result);
    }

    [Fact]
    public void Paragraphs_ShortLineEndingInArticle_JoinsCapitalisedContinuation()
    {
        var result = Paragraphs("The\nUnited States wants to put an end to extremism.");

        Assert.Single(result);
    }

    [Fact]
    public void Paragraphs_CrLfAndCrLineEnds_AreLineBreaks()
    {
        var result = Paragraphs("One sentence.\r\n\r\nAnother one\rcontinues here.");

        Assert.Equal(["One sentence.", "Another one continues here."], result);
    }

    [Fact]
    public void Paragraphs_FiftyThousandTinyParagraphs_AreAllFound()
    {
        var text = string.Concat(Enumerable.Repeat("Tiny one.\n\n", 50_000));

        Assert.Equal(50_000, LayoutRepair.Paragraphs(text).Count);
    }
}
