namespace Pipeline.Core.Candidates;

/// <summary>One occurrence of a shingle in a stored article: the row an index keeps per shingle hash.</summary>
/// <param name="Hash">The shingle's hash (the posting list's key).</param>
/// <param name="Article">The stored article's name.</param>
/// <param name="Position">Index of the shingle's first word in that article's tokens.</param>
public readonly record struct Posting(ulong Hash, string Article, int Position);
