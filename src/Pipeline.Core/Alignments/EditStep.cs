namespace Pipeline.Core.Alignments;

/// <summary>One step of a word-level edit script: a pair of equal words, or a word only on one side (-1 on the other).</summary>
internal readonly record struct EditStep(int Source, int Target)
{
    public bool IsEqual => Source >= 0 && Target >= 0;
}
