namespace Pipeline.Core.Normalization;

/// <summary>A half-open range [Start, End) of a string.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
}
