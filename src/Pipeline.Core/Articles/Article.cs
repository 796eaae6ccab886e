namespace Pipeline.Core.Articles;

/// <summary>A decoded, normalized and segmented article: the unit every later step works on.</summary>
/// <param name="Name">The article's name as uploaded (a blob name or a file path).</param>
/// <param name="Original">The decoded text exactly as published; every offset we report indexes this string (UTF-16).</param>
/// <param name="Text">The normalized prose (boilerplate dropped, layout repaired) for reading and display.</param>
/// <param name="TextMap">Maps each position of <paramref name="Text"/> back to <paramref name="Original"/>.</param>
/// <param name="Title">The headline when one is recognisable, else null.</param>
/// <param name="Tokens">Word tokens of the kept prose, in order, each with its span in <paramref name="Original"/> and its matching form.</param>
/// <param name="Passages">Sentences and quotations, in order of their start.</param>
public sealed record Article(
    string Name,
    string Original,
    string Text,
    OffsetMap TextMap,
    string? Title,
    IReadOnlyList<Token> Tokens,
    IReadOnlyList<Passage> Passages);
