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
    int ExpectedCandidates)
{
    /// <summary>Fingerprint + candidate lookup + pairwise alignment: the incremental cost that could grow with the corpus.</summary>
    public double IncrementalMs => FingerprintMs + FindMs + AlignMs;

    /// <summary>Also re-creating the candidate articles (the stand-in for reading them from storage).</summary>
    public double WithLoadMs => IncrementalMs + LoadMs;
}
