namespace Pipeline.Core.Alignments;

/// <summary>A rectangle of matching positions [SourceStart, SourceEnd) x [TargetStart, TargetEnd) worth diffing.</summary>
internal readonly record struct Region(int SourceStart, int SourceEnd, int TargetStart, int TargetEnd);
