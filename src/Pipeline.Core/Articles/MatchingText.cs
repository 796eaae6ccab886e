using Pipeline.Core.Tokens;

namespace Pipeline.Core.Articles;

/// <summary>The matching form of arbitrary text, the same form article tokens are keyed by.</summary>
public static class MatchingText
{
    /// <summary>
    /// Returns the matching keys of <paramref name="text"/> separated by single spaces: case-folded, NFKC-normalized,
    /// quotes and dashes unified, hyphenated words joined ("de-conflict" = "deconflict"), listed compounds joined and
    /// aliases applied. Used to turn a search query into the form stored for articles.
    /// </summary>
    public static string Normalize(string text, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordScanner.Scan(text);
        var tokens = KeyedWords.Build(text, words, options ?? ReadOptions.Default, articleWords: null);
        return string.Join(' ', tokens.Select(t => t.Key));
    }
}
