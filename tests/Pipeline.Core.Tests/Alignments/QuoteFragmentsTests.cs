using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Alignments;

/// <summary>Short shared quotes: four or more words, someone's words on both sides.</summary>
public class QuoteFragmentsTests
{
    [Fact]
    public void Align_FiveQuotedWordsOnBothSides_AlignAsAQuote()
    {
        var a = RealArticles.Read("a", RealArticles.Story("alpha"), "\"Any cooperation in such strikes with America is also out of question for Iran,\" a senior Iranian official told Reuters.");
        var b = RealArticles.Read("b", RealArticles.Story("beta"), "But a senior Iranian official denied it and said cooperation with Washington is \"out of question for Iran.\"");

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal(PassageKind.Quote, alignment.Kind);
        Assert.Equal("out of question for Iran", alignment.Source.Text);
        Assert.Equal("out of question for Iran", alignment.Target.Text);
    }

    [Fact]
    public void Align_FragmentWithAWordInserted_AlignsWithItsSpeaker()
    {
        var a = RealArticles.Read("a", RealArticles.Story("gamma"), "\"The net effect is positive,\" said Kerry. \"But that's not something that we're coordinating.\"");
        var b = RealArticles.Read("b", RealArticles.Story("delta"), "Kerry said the effect was good, while adding that it's \"not something we're coordinating.\"");

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal("not something that we're coordinating", alignment.Source.Text);
        Assert.Equal("not something we're coordinating", alignment.Target.Text);
        Assert.Contains(alignment.Diff, r => r is { Op: DiffOp.Delete, Text: "that" });
    }

    [Fact]
    public void Align_SameFragmentQuotedOnOneSideOnlyWithoutASpeaker_DoesNotAlign()
    {
        var a = RealArticles.Read("a", RealArticles.Story("epsilon"), "Cooperation with America is out of question for Iran, the newspaper wrote on Monday.");
        var b = RealArticles.Read("b", RealArticles.Story("zeta"), "An official said cooperation with Washington is \"out of question for Iran.\"");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Theory]
    [InlineData("\"We will look at it,\" the ministry said in a statement on Monday.", "\"Nothing changes,\" the company said in a statement on Monday.")]
    [InlineData("\"We have made it clear to everyone in the region that we will not act,\" Kerry said.", "\"It is the same to any neighbour in the region that is involved,\" Kerry said.")]
    [InlineData("\"It is too early,\" according to a statement from the ministry.", "\"We are ready,\" according to a statement from the ministry.")]
    public void Align_GenericFragments_NeverAlign(string first, string second)
    {
        var a = RealArticles.Read("a", RealArticles.Story("eta"), first);
        var b = RealArticles.Read("b", RealArticles.Story("theta"), second);

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Fact]
    public void Align_EverydayFragmentQuotedOnBothSides_DoesNotAlign()
    {
        var a = RealArticles.Read("a", RealArticles.Story("lambda2"), "\"This is the first time,\" the coach said.");
        var b = RealArticles.Read("b", RealArticles.Story("mu2"), "\"This is the first time,\" the pilot said.");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Fact]
    public void Align_NameInsideTwoLongQuotes_DoesNotAlign()
    {
        var a = RealArticles.Read("a", RealArticles.Story("nu2"), "\"The launch clearly violates the UN Security Council resolutions and we urge restraint from every party in the region,\" Hua said.");
        var b = RealArticles.Read("b", RealArticles.Story("xi2"), "\"Pyongyang keeps defying the UN Security Council resolutions while its people go hungry,\" a diplomat said.");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Fact]
    public void Align_FragmentQuotedFromTwoDifferentSpeakers_DoesNotAlign()
    {
        var a = RealArticles.Read("a", RealArticles.Story("omicron2"), "\"A reckless breach of resolutions,\" said Stoltenberg.");
        var b = RealArticles.Read("b", RealArticles.Story("pi2"), "\"A reckless breach of resolutions,\" said Abe.");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Fact]
    public void Align_ThreeQuotedWords_TooShort()
    {
        var a = RealArticles.Read("a", RealArticles.Story("iota"), "\"Deeply deplorable launch,\" the minister said.");
        var b = RealArticles.Read("b", RealArticles.Story("kappa"), "The envoy called it a \"deeply deplorable launch\" on Sunday.");

        Assert.Empty(PassageAligner.Align(a, b));
    }
}
