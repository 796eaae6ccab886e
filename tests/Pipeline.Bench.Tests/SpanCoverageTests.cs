using Pipeline.Bench.Macro;
using Xunit;

namespace Pipeline.Bench.Tests;

public class SpanCoverageTests
{
    [Fact]
    public void Of_OverlappingSpans_CountsEachCharacterOnce()
    {
        Assert.Equal(0.5, SpanCoverage.Of(0, 100, [(0, 30), (20, 50)]));
    }

    [Fact]
    public void Of_SpansOutsideTheRange_CountNothing()
    {
        Assert.Equal(0, SpanCoverage.Of(100, 200, [(0, 100), (200, 300)]));
    }

    [Fact]
    public void Found_BothSidesHalfCovered_True()
    {
        Assert.True(SpanCoverage.Found((0, 100), (500, 600), [((0, 60), (500, 560))]));
    }

    [Fact]
    public void Found_OnlyOneSideCovered_False()
    {
        Assert.False(SpanCoverage.Found((0, 100), (500, 600), [((0, 100), (550, 560))]));
    }

    [Fact]
    public void Found_MatchElsewhereInTheStoredArticle_False()
    {
        Assert.False(SpanCoverage.Found((0, 100), (500, 600), [((0, 100), (0, 100))]));
    }
}
