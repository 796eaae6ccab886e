using Pipeline.Core.Alignments;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Alignments;

/// <summary>Recall: every verbatim run of eight or more words two articles share lies inside one alignment.</summary>
public class ExactRunsTests
{
    private const string Caption = "In this Thursday file photo, the defendant is brought to a courtroom inside the military prison near the capital for attacking the soldiers as well as for previous altercations.";

    [Fact]
    public void Align_CaptionRepeatingAParagraphInAnotherOrder_CaptionInsideOneAlignment()
    {
        // The caption repeats the paragraph's words, and the two outlets put it in different places: a diff of the
        // region pairs the repeated words crosswise.
        var a = RealArticles.Read("a",
            "An Israeli military court indicted a teenage girl on Monday who was filmed slapping troops.",
            "The court indicted her on several accounts including attacking the soldiers as well as for previous altercations with forces.",
            Caption,
            "She was filmed in December outside her family home, pushing and slapping the soldiers.");
        var b = RealArticles.Read("b",
            Caption,
            "An Israeli military court on Monday indicted a teenage girl who was filmed slapping troops.",
            "The court indicted her on several accounts including attacking the soldiers as well as for previous altercations with forces.",
            "She was filmed in December outside her family home, pushing and slapping the soldiers.");

        var alignments = PassageAligner.Align(a, b);

        Assert.Contains(alignments, x => x.Source.Text.Contains(Caption.TrimEnd('.'), StringComparison.Ordinal)
            && x.Target.Text.Contains(Caption.TrimEnd('.'), StringComparison.Ordinal));
    }

    [Fact]
    public void Align_VerbatimQuoteWithVerbatimAttribution_OneAlignmentForBoth()
    {
        var quote = "\"We take pride in bringing people together, and we know that on this flight we let some of our customers down,\" the airline said in a statement on Friday.";
        var a = RealArticles.Read("a", RealArticles.Story("harbour"), quote, RealArticles.Story("bridge"));
        var b = RealArticles.Read("b", RealArticles.Story("garden"), quote, RealArticles.Story("tunnel"));

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.StartsWith("We take pride", alignment.Source.Text, StringComparison.Ordinal);
        Assert.EndsWith("on Friday", alignment.Source.Text, StringComparison.Ordinal);
    }
}
