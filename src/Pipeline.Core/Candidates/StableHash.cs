namespace Pipeline.Core.Candidates;

/// <summary>64-bit hashes that stay the same across processes, machines and .NET versions, so they can be persisted.</summary>
/// <remarks>
/// FNV-1a over the UTF-16LE code units (explicit byte order), finished with the SplitMix64 mixer so the low bits are
/// well spread (winnowing picks minima, which needs a uniform hash). string.GetHashCode is randomized per process.
/// </remarks>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of one string.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = OffsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return Mix(hash);
    }

    /// <summary>Appends one more hash to a running combination.</summary>
    public static ulong Append(ulong running, ulong next) => Mix(running ^ next) * Prime;

    /// <summary>Starting value for <see cref="Append"/>.</summary>
    public static ulong Seed => OffsetBasis;

    /// <summary>SplitMix64 finalizer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
