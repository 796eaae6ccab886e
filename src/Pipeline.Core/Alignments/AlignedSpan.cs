namespace Pipeline.Core.Alignments;

/// <summary>One side of an alignment: a span of an article's original text.</summary>
/// <param name="Article">The article's name.</param>
/// <param name="Start">Offset of the first character in the article's original text.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Text">The original text of the span, exactly as published.</param>
/// <param name="Speaker">Who is quoted in the span, when the article says so; else null.</param>
public sealed record AlignedSpan(string Article, int Start, int End, string Text, string? Speaker = null);
