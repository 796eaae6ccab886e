using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;
using Xunit;

namespace Pipeline.Core.Tests.Normalization;

public class OffsetMapBuilderTests
{
    [Fact]
    public void Build_ContiguousCopies_MergeIntoOneRun()
    {
        var builder = new OffsetMapBuilder("abcdef");
        builder.Copy(0, 2);
        builder.Copy(2, 4);

        var (text, map) = builder.Build();

        Assert.Equal("abcd", text);
        Assert.Equal([new OffsetRun(0, 0, 4)], map.Runs);
    }

    [Fact]
    public void Build_SynthesizedSpace_MapsToTheWhitespaceItReplaces()
    {
        var builder = new OffsetMapBuilder("ab\n\t cd");
        builder.Copy(0, 2);
        builder.Synthesize(' ', 2);
        builder.Copy(5, 7);

        var (text, map) = builder.Build();

        Assert.Equal("ab cd", text);
        Assert.Equal([new OffsetRun(0, 0, 2), new OffsetRun(2, 2, 1), new OffsetRun(3, 5, 2)], map.Runs);
    }

    [Fact]
    public void Build_SynthesizedCharacterEqualToOriginal_IsACopy()
    {
        var builder = new OffsetMapBuilder("ab cd");
        builder.Copy(0, 2);
        builder.Synthesize(' ', 2);
        builder.Copy(3, 5);

        Assert.Equal([new OffsetRun(0, 0, 5)], builder.Build().Map.Runs);
    }
}
