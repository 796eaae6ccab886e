using Pipeline.Core.Articles;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class ReadOptionsTests
{
    [Fact]
    public void Default_Aliases_MapIslamicStateNamesToOneKey()
    {
        var targets = new[] { "ISIL", "ISIS", "Daesh", "Islamic State", "IS" }.Select(n => ReadOptions.Default.Aliases[n]).Distinct();

        Assert.Equal(["isis"], targets);
    }

    [Fact]
    public void Default_Compounds_IncludeAirspace()
    {
        Assert.Contains("airspace", ReadOptions.Default.Compounds);
    }

    [Fact]
    public void With_EmptyAliasTable_KeepsNamesApart()
    {
        var options = ReadOptions.Default with { Aliases = new Dictionary<string, string>() };

        Assert.Equal("isil daesh", MatchingText.Normalize("ISIL Daesh", options));
        Assert.Equal("isis isis", MatchingText.Normalize("ISIL Daesh"));
    }

    [Fact]
    public void Default_MaxBytes_AllowsLargeArticles()
    {
        Assert.True(ReadOptions.Default.MaxBytes >= 8 * 1024 * 1024);
    }
}
