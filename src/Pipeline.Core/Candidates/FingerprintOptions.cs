namespace Pipeline.Core.Candidates;

/// <summary>How articles are fingerprinted for candidate search.</summary>
/// <param name="ShingleLength">Words per shingle. Four words are specific enough that most shared 4-grams are shared text, not shared language.</param>
/// <param name="Window">Winnowing window: one shingle (the minimum hash) is kept per window, which keeps about 2/(Window+1) of them
/// and still guarantees that any shared run of ShingleLength+Window-1 matching words shares at least one kept shingle.</param>
public sealed record FingerprintOptions(int ShingleLength = 4, int Window = 4)
{
    /// <summary>The defaults: 4-word shingles, window 4 (every shared run of 7 or more words is found).</summary>
    public static FingerprintOptions Default { get; } = new();
}
