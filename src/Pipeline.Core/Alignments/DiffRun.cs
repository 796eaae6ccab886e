namespace Pipeline.Core.Alignments;

/// <summary>A run of words that are equal in both versions, only in the target (insert) or only in the source (delete).</summary>
/// <param name="Op">What happened to the run.</param>
/// <param name="Text">The run's original text.</param>
public sealed record DiffRun(DiffOp Op, string Text);

/// <summary>The kind of a diff run.</summary>
public enum DiffOp
{
    /// <summary>In both versions.</summary>
    Equal,

    /// <summary>Only in the target version.</summary>
    Insert,

    /// <summary>Only in the source version.</summary>
    Delete,
}
