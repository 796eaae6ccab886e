using Pipeline.Core.Articles;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class OffsetMapTests
{
    // Normalized "ab cd" from original "ab   cd": run "ab" at 0, a synthesized space at 2 -> 2, run "cd" at 3 -> 5.
    private static readonly OffsetMap Map = new([new OffsetRun(0, 0, 2), new OffsetRun(2, 2, 1), new OffsetRun(3, 5, 2)]);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(4, 6)]
    [InlineData(5, 7)]
    [InlineData(99, 7)]
    public void ToOriginal_Offset_MapsThroughRuns(int normalized, int original)
    {
        Assert.Equal(original, Map.ToOriginal(normalized));
    }

    [Fact]
    public void ToOriginal_Span_CoversOriginalSpan()
    {
        Assert.Equal((0, 7), Map.ToOriginal(0, 5));
        Assert.Equal((5, 7), Map.ToOriginal(3, 5));
    }

    [Fact]
    public void ToOriginal_EmptyMap_ReturnsZero()
    {
        Assert.Equal(0, new OffsetMap([]).ToOriginal(3));
    }

    [Fact]
    public void ToOriginal_ArticleText_MapsEveryWordBackToTheSameWord()
    {
        var original = "Kirby   said\nit was\u00A0Iraq's  call.\n\nThen   he left the podium.";
        var article = Support.ArticleAssertions.ReadText(original);

        foreach (var word in article.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var at = article.Text.IndexOf(word, StringComparison.Ordinal);
            var (start, end) = article.TextMap.ToOriginal(at, at + word.Length);
            Assert.Equal(word, original[start..end]);
        }
    }
}
