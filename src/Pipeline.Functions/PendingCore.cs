// TEMPORARY stand-in for core-prepare's ArticleReader/MatchingText until that branch lands; deleted on merge.
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Articles;

internal sealed record ReadOptions;

internal sealed record Rejection(string Code, string Message);

internal sealed record ArticleReadResult(Article? Article, Rejection? Rejection);

internal static partial class ArticleReader
{
    public static ArticleReadResult Read(string name, ReadOnlySpan<byte> content, ReadOptions? options = null)
    {
        _ = options;
        if (content.IndexOf((byte)0) >= 0)
        {
            return new(null, new Rejection("binary", "The file is binary."));
        }

        var text = Encoding.UTF8.GetString(content);
        var tokens = WordPattern().Matches(text).Select(m => new Token(m.Index, m.Length, MatchingText.Normalize(m.Value))).Where(t => t.Key.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            return new(null, new Rejection("empty", "No words."));
        }

        var passages = new List<Passage>();
        var start = 0;
        foreach (Match m in SentencePattern().Matches(text))
        {
            var first = tokens.FindIndex(t => t.Start >= m.Index);
            var count = tokens.Count(t => t.Start >= m.Index && t.End <= m.Index + m.Length);
            if (count == 0)
            {
                continue;
            }

            passages.Add(new Passage(passages.Count, m.Index, m.Index + m.Length, PassageKind.Text, null, first, count));
            start = m.Index + m.Length;
        }

        _ = start;
        var title = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        return new(new Article(name, text, text, new OffsetMap([new OffsetRun(0, 0, text.Length)]), title, tokens, passages), null);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[^.!?\n]+[.!?]*")]
    private static partial Regex SentencePattern();
}

internal static class MatchingText
{
    public static string Normalize(string text, ReadOptions? options = null)
    {
        _ = options;
        var words = Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*").Select(m => m.Value.Replace("-", string.Empty, StringComparison.Ordinal));
        return string.Join(' ', words);
    }
}
