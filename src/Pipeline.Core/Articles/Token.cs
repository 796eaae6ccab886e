namespace Pipeline.Core.Articles;

/// <summary>One word of an article: where it stands in the original text and the form it is matched by.</summary>
/// <param name="Start">Offset of the first character in <see cref="Article.Original"/>.</param>
/// <param name="Length">Length in UTF-16 code units in <see cref="Article.Original"/>.</param>
/// <param name="Key">Matching form: case-folded, Unicode-normalized, punctuation unified, aliases applied.</param>
/// <param name="Flags">What else is known about the token, such as being an editorial insertion.</param>
public readonly record struct Token(int Start, int Length, string Key, TokenFlags Flags = TokenFlags.None)
{
    /// <summary>Offset just past the last character in <see cref="Article.Original"/>.</summary>
    public int End => Start + Length;
}
