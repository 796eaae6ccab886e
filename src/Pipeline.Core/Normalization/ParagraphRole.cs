namespace Pipeline.Core.Normalization;

/// <summary>What a source paragraph is taken to be.</summary>
internal enum ParagraphRole
{
    /// <summary>Article text, kept.</summary>
    Prose,

    /// <summary>A heading or subtitle between or before prose, kept.</summary>
    Heading,

    /// <summary>The article's headline, reported as the title and left out of the text.</summary>
    Title,

    /// <summary>Page furniture (widgets, prompts, pickers, copyright, repeats), dropped.</summary>
    Boilerplate,
}
