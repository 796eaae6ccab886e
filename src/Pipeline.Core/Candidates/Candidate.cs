namespace Pipeline.Core.Candidates;

/// <summary>A stored article that shares enough rare shingles with a query article to be worth aligning.</summary>
/// <param name="Article">The stored article's name.</param>
/// <param name="SharedShingles">Distinct shingle hashes the two share (after dropping generic ones).</param>
/// <param name="Regions">Where the shared shingles cluster, ordered by position in the query.</param>
public sealed record Candidate(string Article, int SharedShingles, IReadOnlyList<SeedRegion> Regions)
{
    /// <summary>The version of the stored article the index holds (the app's source ETag), when the index keeps one: a
    /// cached copy of exactly this version can stand in for reading the article.</summary>
    public string? Version { get; init; }
}
