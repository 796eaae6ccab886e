namespace Pipeline.Core.Articles;

/// <summary>Maps positions in a normalized text back to the original text it was derived from.</summary>
/// <remarks>
/// Stored as runs: each run says "normalized [From, From+Length) came from original [OriginalFrom, OriginalFrom+Length)",
/// with collapsed whitespace and joins mapped to the nearest original position, so the map stays small.
/// </remarks>
/// <param name="Runs">Runs ordered by <see cref="OffsetRun.From"/>, covering the normalized text.</param>
public sealed record OffsetMap(IReadOnlyList<OffsetRun> Runs);

/// <summary>A stretch of normalized text copied unchanged from the original.</summary>
/// <param name="From">Start in the normalized text.</param>
/// <param name="OriginalFrom">Start in the original text.</param>
/// <param name="Length">Length of the stretch.</param>
public readonly record struct OffsetRun(int From, int OriginalFrom, int Length);
