using Pipeline.Core.Tokens;
using Xunit;

namespace Pipeline.Core.Tests.Tokens;

public class PhraseTableTests
{
    [Fact]
    public void Compile_Aliases_GroupsByFirstKeyLongestFirst()
    {
        var table = PhraseTable.Compile(new Dictionary<string, string>
        {
            ["Islamic State"] = "ISIS",
            ["Islamic State of Iraq and the Levant"] = "isis",
            ["IS"] = "isis",
        });

        Assert.True(table.TryGet("islamic", out var phrases));
        Assert.Equal([7, 2], phrases.Select(p => p.Keys.Length));
        Assert.All(phrases, p => Assert.Equal("isis", p.Target));
        Assert.True(table.TryGet("is", out var short_));
        Assert.Equal("IS", short_.Single().Exact);
    }

    [Fact]
    public void Compile_EmptyPhrase_IsIgnored()
    {
        var table = PhraseTable.Compile(new Dictionary<string, string> { ["..."] = "dots" });

        Assert.False(table.TryGet("...", out _));
    }
}
