using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization;

/// <summary>The kept prose of an article: its text, the map back to the original, the title and the paragraph ranges in the text.</summary>
internal sealed record NormalizedText(string Text, OffsetMap Map, string? Title, IReadOnlyList<TextRange> Paragraphs);
