using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Duplicates;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Duplicates;

/// <summary>Wire copies across outlets: shown as one whole-article alignment to a canonical copy.</summary>
public class ArticleCopiesTests
{
    private static readonly string[] Wire =
    [
        "ERIE, Pa. (AP) - A Pennsylvania woman says she went online to check her electric bill and was stunned at the amount - more than $284 billion.",
        "The Erie Times-News reports that Mary Horomanski said her eyes \"just about popped out\" of her head when she saw the amount.",
        "The silver lining was that she didn't have to pay the full amount until November 2018 - only a $28,156 minimum payment was due for December.",
        "Horomanski's son contacted Penelec, her electric provider, who confirmed the error. Her new amount was quickly corrected to $284.46.",
    ];

    [Fact]
    public void AreCopies_SameWordsUnderAnotherLayout_True()
    {
        var a = RealArticles.Read("nytimes/bill", Wire);
        var b = RealArticles.Read("washingtonpost/bill", string.Join(" ", Wire));

        Assert.True(ArticleCopies.AreCopies(a, b, PassageAligner.Align(a, b)));
    }

    [Fact]
    public void AreCopies_NearIdenticalWithAnotherDateline_True()
    {
        var a = RealArticles.Read("nytimes/bill", Wire);
        var edited = Wire.ToArray();
        edited[0] = edited[0].Replace("(AP) -", "—", StringComparison.Ordinal);
        var b = RealArticles.Read("dailymail/bill", edited);

        Assert.True(ArticleCopies.AreCopies(a, b, PassageAligner.Align(a, b)));
    }

    [Fact]
    public void AreCopies_OneSharedParagraphInALongerArticle_False()
    {
        var a = RealArticles.Read("nytimes/bill", Wire);
        var b = RealArticles.Read("usatoday/bill", RealArticles.Story("energy", 12), Wire[1], RealArticles.Story("utility", 12));

        Assert.False(ArticleCopies.AreCopies(a, b, PassageAligner.Align(a, b)));
    }

    [Fact]
    public void Align_Copies_OneWholeArticleAlignmentOfKindCopyFromTheCanonical()
    {
        var a = RealArticles.Read("b-outlet/bill", Wire);
        var b = RealArticles.Read("a-outlet/bill", Wire);
        var canonical = ArticleCopies.Canonical([a.Name, b.Name]);

        var copy = ArticleCopies.Align(canonical == a.Name ? a : b, canonical == a.Name ? b : a, PassageAligner.Align(a, b));

        Assert.Equal("a-outlet/bill", canonical);
        Assert.Equal(PassageKind.Copy, copy.Kind);
        Assert.Equal("a-outlet/bill", copy.Source.Article);
        Assert.Equal(1.0, copy.Score);
        Assert.StartsWith("ERIE", copy.Source.Text, StringComparison.Ordinal);
        Assert.EndsWith("$284.46", copy.Target.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(copy.Diff, r => r.Op != DiffOp.Equal);
    }
}
