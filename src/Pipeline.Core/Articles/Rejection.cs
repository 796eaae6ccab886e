namespace Pipeline.Core.Articles;

/// <summary>Why an upload was not turned into an article.</summary>
/// <param name="Code">Stable lower-kebab code: "empty", "binary", "undecodable", "no-prose" or "too-large".</param>
/// <param name="Message">A sentence for people saying what was wrong with the input.</param>
public sealed record Rejection(string Code, string Message)
{
    /// <summary>The content has no bytes or only whitespace.</summary>
    public const string Empty = "empty";

    /// <summary>The content is a binary file (NULs, control characters, or a known file signature).</summary>
    public const string Binary = "binary";

    /// <summary>The content declares an encoding (a BOM) but cannot be decoded with it.</summary>
    public const string Undecodable = "undecodable";

    /// <summary>The content decodes to text, but nothing in it is article prose.</summary>
    public const string NoProse = "no-prose";

    /// <summary>The content is larger than <see cref="ReadOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "too-large";
}
