namespace Pipeline.Core.Candidates;

/// <summary>A fingerprint of a few consecutive matching words of an article.</summary>
/// <param name="Hash">Stable 64-bit hash of the words' matching keys (safe to persist; see <see cref="Fingerprint.Version"/>).</param>
/// <param name="Position">Index in <see cref="Articles.Article.Tokens"/> of the shingle's first word.</param>
public readonly record struct Shingle(ulong Hash, int Position);
