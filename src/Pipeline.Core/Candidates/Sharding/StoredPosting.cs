namespace Pipeline.Core.Candidates.Sharding;

/// <summary>One article's entry in a shingle's posting row.</summary>
/// <param name="Article">The stored article's key (blob name).</param>
/// <param name="Position">Token index of the shingle's first occurrence in that article.</param>
/// <param name="Day">Publication day of the article (<see cref="PublicationDay"/>), for the time window.</param>
/// <param name="Version">The version of the article that was indexed (the app's source ETag), so a reader can use a cached
/// copy of exactly that version instead of reading it; null when the caller keeps none.</param>
public readonly record struct StoredPosting(string Article, int Position, int Day, string? Version = null);
