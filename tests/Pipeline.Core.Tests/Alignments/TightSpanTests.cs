using Pipeline.Core.Alignments;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Alignments;

/// <summary>Tight spans: an alignment ends where the shared text ends.</summary>
public class TightSpanTests
{
    private const string Shared = "The Rail Accident Investigation Branch said the tram was travelling at a significantly higher speed than is permitted on the curve.";

    [Theory]
    [InlineData("It was one of the worst nights of the year for the city.", "Police closed the roads for most of the day after the crash.")]
    [InlineData("Residents of the area said that they heard a loud bang.", "The mayor of the town said that it was a tragedy for all.")]
    public void Align_VerbatimSentenceBetweenUnrelatedSentences_DoesNotPullInNeighbours(string before, string after)
    {
        var a = RealArticles.Read("a", $"{before} {Shared} {after}");
        var b = RealArticles.Read("b", $"Seven people died when the tram overturned in the south of the city. {Shared} It was the first such crash in the country since the fifties.");

        var alignment = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal(Shared.TrimEnd('.'), alignment.Source.Text.TrimEnd('.'));
        Assert.Equal(Shared.TrimEnd('.'), alignment.Target.Text.TrimEnd('.'));
    }
}
