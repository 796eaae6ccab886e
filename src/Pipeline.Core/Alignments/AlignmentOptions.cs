namespace Pipeline.Core.Alignments;

/// <summary>Thresholds for fine alignment.</summary>
/// <param name="MinMatchedTokens">Fewest equal matching words in an alignment. Eight rules out names with titles
/// ("Secretary of State John Kerry said" is 6) and stock phrases while keeping one-line quotes (Kirby's is 12).</param>
/// <param name="MinContentWeight">Least weight of equal words that are not stopwords (1 each, 0.5 when capitalized on both sides,
/// as names and titles are), so neither "it is going to be one of the" nor "Secretary of State John Kerry said on Tuesday"
/// aligns, while "We are not coordinating with nor are we deconflicting with Iranian military" (3.5) does.</param>
/// <param name="MinScore">Lowest similarity (Dice over matching words of both spans) for an alignment.</param>
/// <param name="SeedLength">Words per seed shingle inside a pair; three finds the short runs edited quotes break into.</param>
/// <param name="GapPenalty">Cost of an unmatched word relative to a matched one when trimming to the shared span: 0.5 lets
/// a passage bridge an inserted clause half as long as what it matched, and no more.</param>
/// <param name="ContextTokens">Most words a seed region is widened by on each side (to its neighbouring sentences) before diffing.</param>
/// <param name="MaxSeedGap">Seeds further apart than this many words start a new region.</param>
/// <param name="MaxRegionTokens">Regions longer than this (on either side) are diffed in pieces, bounding the cost of huge near-copies.</param>
/// <param name="MinQuoteTokens">Fewest equal words in a short quoted fragment, aligned only when both articles quote it or
/// give it the same speaker ("out of question for Iran" is 5).</param>
public sealed record AlignmentOptions(
    int MinMatchedTokens = 8,
    double MinContentWeight = 3,
    double MinScore = 0.5,
    int SeedLength = 3,
    double GapPenalty = 0.5,
    int ContextTokens = 40,
    int MaxSeedGap = 30,
    int MaxRegionTokens = 4000,
    int MinQuoteTokens = 4)
{
    /// <summary>The defaults.</summary>
    public static AlignmentOptions Default { get; } = new();
}
