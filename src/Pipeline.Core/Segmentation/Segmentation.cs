using Pipeline.Core.Normalization;

namespace Pipeline.Core.Segmentation;

/// <summary>The passages of a normalized text and the ranges whose tokens get flags, all in normalized-text coordinates.</summary>
internal sealed record Segmentation(IReadOnlyList<Segment> Segments, IReadOnlyList<TextRange> Quotes, IReadOnlyList<TextRange> Editorial);
