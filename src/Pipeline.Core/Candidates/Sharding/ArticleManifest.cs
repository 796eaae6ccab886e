using System.Buffers.Binary;

namespace Pipeline.Core.Candidates.Sharding;

/// <summary>What the index holds for one article: the shingle hashes it has postings under, its publication day and the
/// version indexed.</summary>
/// <remarks>Stored in the article's own manifest row and written last, so that removal and re-indexing find every
/// posting to tombstone without the caller keeping the old shingles, and an interrupted indexing is redone in full.</remarks>
/// <param name="Article">The article key.</param>
/// <param name="Day">Publication day.</param>
/// <param name="Hashes">Distinct hashes with a posting, in ascending order.</param>
public sealed record ArticleManifest(string Article, int Day, IReadOnlyList<ulong> Hashes)
{
    /// <summary>The article version its postings name (<see cref="StoredPosting.Version"/>); null for none.</summary>
    public string? Version { get; init; }

    /// <summary>Hashes per binary property: 64 KiB is the table's limit for one binary value.</summary>
    public const int HashesPerChunk = 8_000;

    /// <summary>Whether two manifests index the same postings.</summary>
    public bool SameAs(ArticleManifest? other) =>
        other is not null && other.Day == Day && string.Equals(other.Article, Article, StringComparison.Ordinal)
        && string.Equals(other.Version, Version, StringComparison.Ordinal) && other.Hashes.SequenceEqual(Hashes);

    /// <summary>The hashes packed into binary chunks of at most <see cref="HashesPerChunk"/> each (little-endian).</summary>
    public IReadOnlyList<byte[]> PackHashes()
    {
        var chunks = new List<byte[]>();
        for (var start = 0; start < Hashes.Count; start += HashesPerChunk)
        {
            var count = Math.Min(HashesPerChunk, Hashes.Count - start);
            var bytes = new byte[count * 8];
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), Hashes[start + i]);
            }

            chunks.Add(bytes);
        }

        return chunks;
    }

    /// <summary>Unpacks hashes written by <see cref="PackHashes"/>, chunk by chunk.</summary>
    public static IReadOnlyList<ulong> UnpackHashes(IEnumerable<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var hashes = new List<ulong>();
        foreach (var chunk in chunks)
        {
            for (var at = 0; at + 8 <= chunk.Length; at += 8)
            {
                hashes.Add(BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(at)));
            }
        }

        return hashes;
    }

    /// <summary>The manifest of an article's shingles: distinct hashes, ascending, at most <paramref name="maxShingles"/> of the first.</summary>
    public static ArticleManifest For(string article, IReadOnlyList<Shingle> shingles, int day, int maxShingles)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(shingles);
        var hashes = shingles.Take(maxShingles).Select(s => s.Hash).Distinct().Order().ToArray();
        return new ArticleManifest(article, day, hashes);
    }
}
