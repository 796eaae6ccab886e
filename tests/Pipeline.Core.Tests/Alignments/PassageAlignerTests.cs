using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Alignments;

public class PassageAlignerTests
{
    private const string KerryA =
        "Speaking in Brussels on Wednesday, U.S. Secretary of State John Kerry said: \"If Iran is taking on [ISIL] in some particular place... " +
        "and it has an impact, then it's going to be net effect [that] is positive.\" But he added more. Analysts disagreed with that view entirely.";

    private const string KerryB =
        "Markets fell sharply in Asia overnight. Secretary of State John Kerry said Tuesday that \"it's self-evident that if Iran is taking on ISIL in some " +
        "particular place and it's confined to taking on ISIL and it has an impact . . . the net effect is positive,\" while adding that it's \"not something we're coordinating.\"";

    [Fact]
    public void Align_QuoteEmbeddedInLongerSentence_AlignsTheQuoteOnly()
    {
        var a = TestArticles.From("a", KerryA);
        var b = TestArticles.From("b", KerryB);

        var alignments = PassageAligner.Align(a, b);

        var alignment = Assert.Single(alignments);
        Assert.Equal(PassageKind.Quote, alignment.Kind);
        Assert.StartsWith("If Iran is taking on", alignment.Source.Text, StringComparison.Ordinal);
        Assert.EndsWith("is positive", alignment.Source.Text, StringComparison.Ordinal);
        Assert.StartsWith("if Iran is taking on", alignment.Target.Text, StringComparison.Ordinal);
        Assert.EndsWith("is positive", alignment.Target.Text, StringComparison.Ordinal);
        Assert.Equal(alignment.Source.Text, KerryA[alignment.Source.Start..alignment.Source.End]);
        Assert.Equal(alignment.Target.Text, KerryB[alignment.Target.Start..alignment.Target.End]);
        Assert.InRange(alignment.Score, 0.5, 0.99);
    }

    [Fact]
    public void Align_EditorialInsertions_ShownInDiffButDoNotBreakTheMatch()
    {
        var a = TestArticles.From("a", "\"It's the Iraqi air space and [Iraq's] to deconflict. We are not coordinating with nor are we deconflicting with Iranian military,\" Kirby said.");
        var b = TestArticles.From("b", "\"It's the Iraqi air space and (Iraq's) to deconflict. We are not coordinating with nor are we deconflicting with Iranian military,\" Kirby said.");

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal(1.0, alignment.Score);
        Assert.Contains(alignment.Diff, run => run is { Op: DiffOp.Delete, Text: "[Iraq's]" });
        Assert.Contains(alignment.Diff, run => run is { Op: DiffOp.Insert, Text: "(Iraq's)" });
        Assert.StartsWith("It's the Iraqi", alignment.Source.Text, StringComparison.Ordinal);
        // The attribution is verbatim on both sides too, so it is shared text and stays with the quote.
        Assert.EndsWith("Iranian military,\" Kirby said", alignment.Target.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_DiffRuns_RebuildBothVersionsInMatchingForm()
    {
        var a = TestArticles.From("a", KerryA);
        var b = TestArticles.From("b", KerryB);

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        var sourceWords = string.Join(' ', alignment.Diff.Where(r => r.Op != DiffOp.Insert).Select(r => r.Text));
        var targetWords = string.Join(' ', alignment.Diff.Where(r => r.Op != DiffOp.Delete).Select(r => r.Text));
        Assert.Equal(Words(alignment.Source.Text), Words(sourceWords));
        Assert.Equal(Words(alignment.Target.Text), Words(targetWords));
        Assert.Contains(alignment.Diff, run => run is { Op: DiffOp.Delete, Text: "[ISIL]" });
        Assert.Contains(alignment.Diff, run => run.Op == DiffOp.Insert && run.Text.Contains("confined", StringComparison.Ordinal));
    }

    [Fact]
    public void Align_OnlyGenericPhrasesShared_NoAlignment()
    {
        var a = TestArticles.From("a", "The New York Times reported on Tuesday that the markets in Tokyo rallied. Secretary of State John Kerry said he was pleased with the result.");
        var b = TestArticles.From("b", "The New York Times reported on Tuesday that a storm hit Florida. Secretary of State John Kerry said nothing about the weather at all.");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Theory]
    [InlineData("The airline did not immediately respond to a request for comment on the crash.", "The studio did not immediately respond to a request for comment about the film.")]
    [InlineData("U.S. Secretary of State John Kerry said on Tuesday that talks went well.", "Secretary of State John Kerry said on Tuesday that he would travel to Paris.")]
    [InlineData("A Pentagon spokesman said in a statement on Monday that nothing changed.", "A Pentagon spokesman said in a statement on Monday that troops would stay.")]
    public void Align_StockPhrasesOfUnrelatedStories_NoAlignment(string first, string second)
    {
        var a = TestArticles.From("a", "Storms hit the coast overnight. " + first + " Power was restored by noon.");
        var b = TestArticles.From("b", "Box office numbers fell sharply. " + second + " Critics were divided.");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Fact]
    public void Align_UnrelatedArticles_NoAlignment()
    {
        var a = TestArticles.From("a", KerryA);
        var b = TestArticles.From("b", "Bananas are rich in potassium. Growers in Ecuador export most of the world's supply every single year to Europe.");

        Assert.Empty(PassageAligner.Align(a, b));
    }

    [Fact]
    public void Align_TwoSharedPassagesInDifferentOrder_BothFound()
    {
        var first = "The reactor was shut down after engineers found a crack in the cooling pipe near the turbine hall.";
        var second = "Residents within ten kilometres were told to keep their windows closed until further notice from the agency.";
        var a = TestArticles.From("a", first + " Unrelated filler about football scores follows here. " + second);
        var b = TestArticles.From("b", second + " Something about the weather in Spain goes here. " + first);

        var alignments = PassageAligner.Align(a, b);

        Assert.Equal(2, alignments.Count);
        Assert.All(alignments, x => Assert.Equal(1.0, x.Score));
        Assert.True(alignments[0].Source.Start < alignments[1].Source.Start);
    }

    [Fact]
    public void Align_WireParagraphWithAnEditedMiddleSentence_OneAlignmentAcrossAllThree()
    {
        const string First = "The reactor was shut down after engineers found a crack in the cooling pipe near the turbine hall.";
        const string Third = "Residents within ten kilometres were told to keep their windows closed until further notice.";
        var a = TestArticles.From("a", "Intro text about energy. " + First + " The operator said repairs would take about three weeks and cost millions. " + Third + " Other news.");
        var b = TestArticles.From("b", "Sports results first. " + First + " The operator said the repairs would take roughly three weeks and cost several million. " + Third + " Weather next.");

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.StartsWith("The reactor", alignment.Source.Text, StringComparison.Ordinal);
        Assert.EndsWith("further notice", alignment.Source.Text, StringComparison.Ordinal);
        Assert.Contains(alignment.Diff, r => r is { Op: DiffOp.Insert, Text: "roughly" });
        Assert.Contains(alignment.Diff, r => r is { Op: DiffOp.Delete, Text: "about" });
    }

    [Fact]
    public void Align_MiddleSentenceReplacedByAnother_TwoAlignments()
    {
        const string First = "The reactor was shut down after engineers found a crack in the cooling pipe near the turbine hall.";
        const string Third = "Residents within ten kilometres were told to keep their windows closed until further notice.";
        var a = TestArticles.From("a", First + " Shares in the operator fell sharply in early trading on the exchange. " + Third);
        var b = TestArticles.From("b", First + " Anti-nuclear campaigners gathered outside the plant gates with banners. " + Third);

        var alignments = PassageAligner.Align(a, b);

        Assert.Equal(2, alignments.Count);
        Assert.EndsWith("turbine hall", alignments[0].Source.Text, StringComparison.Ordinal);
        Assert.StartsWith("Residents", alignments[1].Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_QuoteInterruptedByAttributionOnOneSide_OneAlignment()
    {
        var a = TestArticles.From("a", "Officials spoke. \"We are not coordinating with them,\" Kirby said, \"nor are we deconflicting with Iranian military.\" More text.");
        var b = TestArticles.From("b", "Others spoke. \"We are not coordinating with them, nor are we deconflicting with Iranian military,\" he said. Other text.");

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal(PassageKind.Quote, alignment.Kind);
        Assert.StartsWith("We are not", alignment.Source.Text, StringComparison.Ordinal);
        Assert.EndsWith("Iranian military", alignment.Source.Text, StringComparison.Ordinal);
        Assert.Contains(alignment.Diff, r => r.Op == DiffOp.Delete && r.Text.Contains("Kirby said", StringComparison.Ordinal));
    }

    [Fact]
    public void Align_LongVerbatimCopies_OneAlignmentThoughDiffedInPieces()
    {
        var words = Enumerable.Range(0, 9000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var a = TestArticles.From("a", string.Join(' ', words));
        var b = TestArticles.From("b", string.Join(' ', words));

        var alignments = PassageAligner.Align(a, b, AlignmentOptions.Default with { MaxRegionTokens = 4000 });

        // The diff works in three pieces, but a verbatim run must lie inside one alignment.
        var alignment = Assert.Single(alignments);
        Assert.Equal(1.0, alignment.Score);
        Assert.Equal(9000, alignment.Diff.Single().Text.Split(' ').Length);
    }

    private static string Words(string text) =>
        string.Join(' ', TestArticles.From("x", text).Tokens.Select(t => t.Key));
}
