using Pipeline.Core.Tokens;
using Xunit;

namespace Pipeline.Core.Tests.Tokens;

public class KeyPoolTests
{
    [Fact]
    public void Intern_SameKeyTwice_ReturnsSameInstance()
    {
        var pool = new KeyPool();

        var a = pool.Intern("kirby".AsSpan());
        var b = pool.Intern("xkirby".AsSpan(1));

        Assert.Same(a, b);
        Assert.True(pool.Contains("kirby"));
        Assert.False(pool.Contains("kerry"));
    }

    [Fact]
    public void Read_RepeatedWords_ShareKeyStrings()
    {
        var article = Support.ArticleAssertions.ReadText("Iran and Iran and Iran said so.");

        Assert.Same(article.Tokens[0].Key, article.Tokens[2].Key);
    }
}
