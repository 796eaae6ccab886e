using System.Globalization;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Duplicates;

/// <summary>A content signature that is equal for copies of the same article, whatever their names or layout.</summary>
public static class ArticleSignature
{
    /// <summary>16 hex digits: a stable 64-bit hash of every token's matching key in order (editorial insertions included).</summary>
    /// <remarks>
    /// Two uploads with the same words are the same article even if whitespace, line wrapping or markup differ; an
    /// app should align only one copy per signature and list the others as duplicates.
    /// </remarks>
    public static string Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var hash = StableHash.Seed;
        foreach (var token in article.Tokens)
        {
            hash = StableHash.Append(hash, StableHash.Of(token.Key));
            hash = StableHash.Append(hash, (ulong)token.Flags & (ulong)TokenFlags.Editorial);
        }

        return StableHash.Mix(hash ^ (ulong)article.Tokens.Count).ToString("x16", CultureInfo.InvariantCulture);
    }
}
