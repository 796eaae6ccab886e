using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Tokens;

/// <summary>Tokens of a normalized text, flagged for quotations and editorial insertions, located in the original.</summary>
internal static class ArticleTokens
{
    /// <summary>The tokens (original coordinates) and, in parallel, each token's start in the normalized text.</summary>
    public static (Token[] Tokens, int[] TextStarts) Build(
        string text, OffsetMap map, ReadOptions options, IReadOnlyList<TextRange> quotes, IReadOnlyList<TextRange> editorial)
    {
        var words = KeyedWords.Build(text, WordScanner.Scan(text), options, articleWords: null);
        var tokens = new Token[words.Count];
        var starts = new int[words.Count];
        var q = 0;
        var e = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            while (q < quotes.Count && quotes[q].End <= w.Start)
            {
                q++;
            }

            while (e < editorial.Count && editorial[e].End <= w.Start)
            {
                e++;
            }

            var flags = TokenFlags.None;
            if (q < quotes.Count && quotes[q].Start <= w.Start)
            {
                flags |= TokenFlags.Quoted;
            }

            if (e < editorial.Count && editorial[e].Start <= w.Start)
            {
                flags |= TokenFlags.Editorial;
            }

            var (start, end) = map.ToOriginal(w.Start, w.End);
            tokens[i] = new Token(start, end - start, w.Key, flags);
            starts[i] = w.Start;
        }

        return (tokens, starts);
    }
}
