using Pipeline.Core.Outlets;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Outlets;

public class ArticleEvidenceTests
{
    [Fact]
    public void Resemblance_SameText_One()
    {
        var a = ArticleEvidence.Of(RealArticles.Read("a", RealArticles.Story("tau", 8)));
        var b = ArticleEvidence.Of(RealArticles.Read("b", RealArticles.Story("tau", 8)));

        Assert.Equal(1.0, a.Resemblance(b));
        Assert.False(a.DifferentStory(b));
    }

    [Fact]
    public void Resemblance_DifferentStoriesSharingAPrompt_DifferentStory()
    {
        const string prompt = "We pay for your stories! Do you have a story for the news desk? Email us at tips@example.com or call us today.";
        var a = ArticleEvidence.Of(RealArticles.Read("a", RealArticles.Story("upsilon", 12), prompt));
        var b = ArticleEvidence.Of(RealArticles.Read("b", RealArticles.Story("phi", 12), prompt));

        Assert.True(a.DifferentStory(b));
    }

    [Fact]
    public void Of_Shingles_DistinctAndSorted_SketchIsTheSmallest()
    {
        var evidence = ArticleEvidence.Of(RealArticles.Read("a", RealArticles.Story("chi", 20)));

        Assert.Equal(evidence.Shingles.Distinct().Order(), evidence.Shingles);
        Assert.Equal(evidence.Shingles.Take(ArticleEvidence.SketchSize), evidence.Sketch);
    }
}
