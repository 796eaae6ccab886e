namespace Pipeline.Core.Candidates;

/// <summary>How candidate articles are chosen from shared shingles.</summary>
/// <param name="MaxPostingsPerShingle">A shingle found in more stored articles than this is generic ("The New York Times reported")
/// and is ignored. A store can stop reading a hash's postings after this many plus one.</param>
/// <param name="MinSharedShingles">Fewest distinct shared shingles for an article to be a candidate.</param>
/// <param name="MaxCandidates">At most this many candidates, the ones sharing most shingles.</param>
/// <param name="RegionGap">Seeds further apart than this many tokens (on either side) start a new seed region.</param>
public sealed record CandidateOptions(
    int MaxPostingsPerShingle = 200,
    int MinSharedShingles = 1,
    int MaxCandidates = 100,
    int RegionGap = 60)
{
    /// <summary>The defaults.</summary>
    public static CandidateOptions Default { get; } = new();
}
