using Pipeline.Functions.Processing;

namespace Pipeline.Functions.Tests.Processing;

public sealed class ArticleMetadataTests
{
    [Fact]
    public void From_AllThreeKeysAnyCase_ReadAndDecoded()
    {
        var metadata = ArticleMetadata.From(new Dictionary<string, string>
        {
            ["Title"] = "Caf%C3%A9  society%20news",
            ["URL"] = "https://example.com/a?b=1",
            ["published"] = "2014-12-03T14:05:00-05:00",
        });

        Assert.Equal("Café society news", metadata.Title);
        Assert.Equal("https://example.com/a?b=1", metadata.Url);
        Assert.Equal(new DateTimeOffset(2014, 12, 3, 19, 5, 0, TimeSpan.Zero), metadata.Published);
        Assert.Empty(metadata.Problems);
    }

    [Fact]
    public void From_DateWithoutTime_IsMidnightUtc()
    {
        Assert.Equal(new DateTimeOffset(2014, 12, 3, 0, 0, 0, TimeSpan.Zero), ArticleMetadata.From(new Dictionary<string, string> { ["published"] = "2014-12-03" }).Published);
    }

    [Theory]
    [InlineData("url", "javascript:alert(1)", "url")]
    [InlineData("url", "/relative/path", "url")]
    [InlineData("published", "last tuesday", "published")]
    public void From_UnusableValue_IgnoredAndNamed(string key, string value, string named)
    {
        var metadata = ArticleMetadata.From(new Dictionary<string, string> { [key] = value, ["title"] = "kept" });

        Assert.Null(metadata.Url);
        Assert.Null(metadata.Published);
        Assert.Equal("kept", metadata.Title);
        Assert.Contains(metadata.Problems, p => p.Contains($"'{named}'", StringComparison.Ordinal));
    }

    [Fact]
    public void From_NothingOrBlank_IsNone()
    {
        Assert.Same(ArticleMetadata.None, ArticleMetadata.From(null));
        var blank = ArticleMetadata.From(new Dictionary<string, string> { ["title"] = "   ", ["outlet"] = "x" });
        Assert.Null(blank.Title);
        Assert.Empty(blank.Problems);
    }

    [Fact]
    public void From_VeryLongTitle_Capped()
    {
        var metadata = ArticleMetadata.From(new Dictionary<string, string> { ["title"] = new string('a', 5000) });
        Assert.Equal(ArticleMetadata.MaxLength, metadata.Title!.Length);
    }
}
