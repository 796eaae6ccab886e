using System.Text;
using Pipeline.Core.Articles;
using Xunit;

namespace Pipeline.Core.Tests.Support;

/// <summary>Shared helpers for reading text and inspecting articles in tests.</summary>
public static class ArticleAssertions
{
    public static Article ReadText(string text, string name = "article.txt", ReadOptions? options = null)
    {
        var result = ArticleReader.Read(name, Encoding.UTF8.GetBytes(text), options);
        Assert.False(result.IsRejected, $"rejected: {result.Rejection}");
        return result.Article!;
    }

    public static string Slice(this Article article, Passage passage) => article.Original[passage.Start..passage.End];

    public static string Slice(this Article article, Token token) => article.Original[token.Start..token.End];

    /// <summary>The passage whose original text contains <paramref name="words"/> (compared with whitespace collapsed).</summary>
    public static Passage PassageContaining(this Article article, string words)
    {
        var wanted = Collapse(words);
        var found = article.Passages.Where(p => Collapse(article.Slice(p)).Contains(wanted, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count > 0, $"no passage contains \"{words}\"; passages:\n" + string.Join("\n", article.Passages.Select(p => $"{p.Kind}: {Collapse(article.Slice(p))}")));
        return found[0];
    }

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
