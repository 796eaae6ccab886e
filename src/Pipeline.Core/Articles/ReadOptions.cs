using System.Collections.Frozen;

namespace Pipeline.Core.Articles;

/// <summary>Settings for reading articles and computing matching keys.</summary>
public sealed record ReadOptions
{
    /// <summary>
    /// Phrases (one or more words, as written) mapped to one matching key. By default the names of the
    /// Islamic State group (ISIL, ISIS, Daesh, Islamic State, and the upper-case "IS") all match as "isis".
    /// </summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = DefaultAliases;

    /// <summary>
    /// Closed compounds that also match when written as two words ("air space" = "airspace").
    /// Besides this list, a pair of words also joins when their concatenation is a word of the same article.
    /// </summary>
    public IReadOnlyCollection<string> Compounds { get; init; } = DefaultCompounds;

    /// <summary>Uploads larger than this many bytes are refused with "too-large".</summary>
    public int MaxBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>The alias table used by <see cref="Default"/>.</summary>
    public static IReadOnlyDictionary<string, string> DefaultAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ISIL"] = "isis",
        ["ISIS"] = "isis",
        ["Daesh"] = "isis",
        ["Da'esh"] = "isis",
        ["IS"] = "isis",
        ["Islamic State"] = "isis",
        ["Islamic State group"] = "isis",
        ["Islamic State of Iraq and the Levant"] = "isis",
        ["Islamic State of Iraq and Syria"] = "isis",
        ["Islamic State of Iraq and al-Sham"] = "isis",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The compound list used by <see cref="Default"/>.</summary>
    public static IReadOnlyCollection<string> DefaultCompounds { get; } = new[]
    {
        "airspace", "airstrike", "airstrikes", "airbase", "airbases", "airpower", "ceasefire", "deadline",
        "nationwide", "worldwide", "nonetheless", "spokesman", "spokesmen", "spokeswoman", "spokesperson",
        "counterterrorism", "peacekeeping", "peacekeepers", "battlefield", "stronghold", "strongholds",
        "homeland", "lawmakers", "lawmaker", "newspaper", "website", "email", "online", "policymakers",
        "wartime", "frontline", "frontlines", "crossfire", "firefight", "warplanes", "warplane",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The settings used when none are given.</summary>
    /// <remarks>Declared after the default tables: static initializers run in textual order.</remarks>
    public static ReadOptions Default { get; } = new();
}
