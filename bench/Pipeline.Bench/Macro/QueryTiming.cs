namespace Pipeline.Bench.Macro;

/// <summary>What aligning one new article against an index of <paramref name="CorpusSize"/> articles cost and found.</summary>
internal sealed record QueryTiming(
    int CorpusSize,
    int Query,
    double PrepareMs,
    double FingerprintMs,
    double FindMs,
    double LoadMs,
    double AlignMs,
    int Candidates,
    int Expected,
    int Found,
    int ExpectedCandidates,
    IReadOnlyList<CandidateCost> Costs,
    double IncrementalCpuMs,
    double WithLoadCpuMs)
{
    /// <summary>Fingerprint + candidate lookup + pairwise alignment: the incremental cost that could grow with the corpus.</summary>
    public double IncrementalMs => FingerprintMs + FindMs + AlignMs;

    /// <summary>Also re-creating the candidate articles (the stand-in for reading them from storage).</summary>
    public double WithLoadMs => IncrementalMs + LoadMs;
}

/// <summary>One candidate of a query: how many shingles it shared, what aligning it cost, and whether it was worth it.</summary>
/// <param name="SharedShingles">Distinct shingles shared with the new article (the index's ranking key).</param>
/// <param name="AlignMs">Time to align this pair.</param>
/// <param name="Alignments">Alignments found.</param>
/// <param name="ExpectedFound">Planted passages of this pair the aligner found.</param>
/// <param name="Expected">Planted passages this pair shares.</param>
internal sealed record CandidateCost(int SharedShingles, double AlignMs, int Alignments, int ExpectedFound, int Expected);
