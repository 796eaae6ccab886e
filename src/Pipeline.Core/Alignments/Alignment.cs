using Pipeline.Core.Articles;

namespace Pipeline.Core.Alignments;

/// <summary>The same passage found in two articles, with the word-level differences between the two versions.</summary>
/// <param name="Source">The span in the first article.</param>
/// <param name="Target">The span in the second article.</param>
/// <param name="Score">Similarity in [0, 1]; 1 means identical in matching form.</param>
/// <param name="Kind">Quote when the shared span is a quotation in either article; else text.</param>
/// <param name="Diff">Word-level runs turning the source version into the target version.</param>
public sealed record Alignment(AlignedSpan Source, AlignedSpan Target, double Score, PassageKind Kind, IReadOnlyList<DiffRun> Diff);
