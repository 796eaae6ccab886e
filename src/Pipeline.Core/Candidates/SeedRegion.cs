namespace Pipeline.Core.Candidates;

/// <summary>A stretch where the query and a candidate share shingles close together: where fine alignment should look.</summary>
/// <param name="QueryFirst">Token index (in the query article) of the first shared shingle.</param>
/// <param name="QueryLast">Token index (in the query article) of the last shared shingle's first word.</param>
/// <param name="CandidateFirst">Token index (in the candidate) of the first shared shingle.</param>
/// <param name="CandidateLast">Token index (in the candidate) of the last shared shingle's first word.</param>
/// <param name="SharedShingles">Shingle matches inside the region.</param>
public readonly record struct SeedRegion(int QueryFirst, int QueryLast, int CandidateFirst, int CandidateLast, int SharedShingles);
