namespace Pipeline.Core.Alignments;

/// <summary>A shared stretch found in a region: its equal word pairs (token indices) and how good it is.</summary>
internal sealed record SharedSpan(int[] SourceTokens, int[] TargetTokens, int Matched, double Content, double Score)
{
    public int SourceFirst => SourceTokens[0];

    public int SourceLast => SourceTokens[^1];

    public int TargetFirst => TargetTokens[0];

    public int TargetLast => TargetTokens[^1];
}
