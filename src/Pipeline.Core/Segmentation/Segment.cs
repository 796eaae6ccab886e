using Pipeline.Core.Articles;

namespace Pipeline.Core.Segmentation;

/// <summary>A passage in normalized-text coordinates, before it is mapped to the original.</summary>
internal sealed record Segment(int Start, int End, PassageKind Kind, string? Speaker);
