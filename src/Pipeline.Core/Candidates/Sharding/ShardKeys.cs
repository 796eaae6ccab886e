using System.Globalization;

namespace Pipeline.Core.Candidates.Sharding;

/// <summary>Where a shingle's posting row and an article's manifest live: partition and row keys, property names.</summary>
/// <remarks>Every key is derived from a stable hash, so it is valid in any table (no '/', '#', '?', '\'), fixed-length,
/// and the same in every process. Shingle hashes are SplitMix-mixed, so their high bits spread rows evenly over buckets.</remarks>
public static class ShardKeys
{
    /// <summary>Prefix of the property that holds one article's posting in a posting row.</summary>
    public const string PostingPrefix = "a";

    /// <summary>Prefix of manifest row keys; shingle rows are 16 hex digits, so the two never collide.</summary>
    public const string ManifestPrefix = "m";

    /// <summary>The partition ("b00".."bNN") that holds a hash's row.</summary>
    public static string Partition(ulong hash, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        return "b" + ((int)((hash >> 32) % (ulong)buckets)).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>The row key of a shingle's posting row.</summary>
    public static string ShingleRow(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses a shingle row key back to its hash; false for manifest rows and anything else.</summary>
    public static bool TryParseShingleRow(string rowKey, out ulong hash)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        hash = 0;
        return rowKey.Length == 16 && ulong.TryParse(rowKey, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }

    /// <summary>A stable 64-bit id of an article key (blob name).</summary>
    public static ulong ArticleId(string articleKey)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        return StableHash.Of(articleKey);
    }

    /// <summary>The property an article's posting occupies in every posting row it appears in.</summary>
    public static string PostingProperty(string articleKey) => PostingPrefix + ArticleId(articleKey).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The partition of an article's manifest row.</summary>
    public static string ManifestPartition(string articleKey, int buckets) => Partition(ArticleId(articleKey), buckets);

    /// <summary>The row key of an article's manifest row.</summary>
    public static string ManifestRow(string articleKey) => ManifestPrefix + ArticleId(articleKey).ToString("x16", CultureInfo.InvariantCulture);
}
