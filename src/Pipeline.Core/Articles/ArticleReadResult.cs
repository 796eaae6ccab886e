namespace Pipeline.Core.Articles;

/// <summary>The outcome of reading an upload: exactly one of an article or a rejection.</summary>
/// <param name="Article">The article, when the upload was accepted.</param>
/// <param name="Rejection">Why the upload was refused, when it was.</param>
public sealed record ArticleReadResult(Article? Article, Rejection? Rejection)
{
    /// <summary>True when the upload was refused and <see cref="Rejection"/> says why.</summary>
    public bool IsRejected => Rejection is not null;

    /// <summary>An accepted upload.</summary>
    public static ArticleReadResult Accepted(Article article) => new(article, null);

    /// <summary>A refused upload.</summary>
    public static ArticleReadResult Rejected(string code, string message) => new(null, new Rejection(code, message));
}
