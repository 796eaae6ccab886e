namespace Pipeline.Core.Normalization;

/// <summary>A paragraph of the original text as a run of trimmed lines (ranges of the original).</summary>
internal sealed record SourceParagraph(IReadOnlyList<TextRange> Lines)
{
    public int Start => Lines[0].Start;

    public int End => Lines[^1].End;
}
