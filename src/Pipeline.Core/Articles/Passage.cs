namespace Pipeline.Core.Articles;

/// <summary>A sentence or quotation of an article, located in the original text and in the token list.</summary>
/// <param name="Index">Position in <see cref="Article.Passages"/>.</param>
/// <param name="Start">Offset of the first character in <see cref="Article.Original"/>.</param>
/// <param name="End">Offset just past the last character in <see cref="Article.Original"/>.</param>
/// <param name="Kind">Whether this is a quotation or narrative text.</param>
/// <param name="Speaker">Who is quoted, when the text says so; else null.</param>
/// <param name="FirstToken">Index of the passage's first token in <see cref="Article.Tokens"/>.</param>
/// <param name="TokenCount">How many tokens the passage spans.</param>
public sealed record Passage(int Index, int Start, int End, PassageKind Kind, string? Speaker, int FirstToken, int TokenCount)
{
    /// <summary>
    /// The speaker reduced to a grouping key: the surname, case-folded ("Pentagon spokesman Rear Adm. John F. Kirby" and
    /// "Kirby" both give "kirby"); null when no speaker is known.
    /// </summary>
    public string? SpeakerKey => Speaker is null ? null : Segmentation.SpeakerNames.KeyOf(Speaker);

    /// <summary>
    /// Why the passage is boilerplate (page furniture, or text its outlet repeats across unrelated stories), or null for
    /// article text. Boilerplate passages are never fingerprinted, aligned or clustered.
    /// </summary>
    public BoilerplateReason? Boilerplate { get; init; }
}
