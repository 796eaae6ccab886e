using System.Buffers.Binary;
using System.Globalization;
using Azure.Data.Tables;

namespace Pipeline.Functions.Storage;

/// <summary>A sorted set of run hashes (<see cref="Core.Outlets.ArticleEvidence"/> shingles) packed into binary table properties.</summary>
internal static class RunSet
{
    // 8,000 hashes are 64,000 bytes, under the 64 KiB binary property limit.
    private const int PerChunk = 8_000;

    /// <summary>The first <paramref name="maxChunks"/> × 8,000 runs of a sorted set: what fits in that many properties.</summary>
    public static ulong[] Clip(ulong[] runs, int maxChunks) => runs.Length > maxChunks * PerChunk ? runs[..(maxChunks * PerChunk)] : runs;

    /// <summary>Writes the runs (at most <paramref name="maxChunks"/> × 8,000) into properties name, name1, ...</summary>
    public static void Write(TableEntity entity, string name, ulong[] runs, int maxChunks)
    {
        var clipped = Clip(runs, maxChunks);
        for (int chunk = 0, start = 0; start < clipped.Length; chunk++, start += PerChunk)
        {
            var n = Math.Min(PerChunk, clipped.Length - start);
            var bytes = new byte[n * sizeof(ulong)];
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), clipped[start + i]);
            }

            entity[Key(name, chunk)] = bytes;
        }
    }

    /// <summary>Reads back what <see cref="Write"/> stored; empty when nothing was.</summary>
    public static ulong[] Read(TableEntity entity, string name, int maxChunks)
    {
        var runs = new List<ulong>();
        for (var chunk = 0; chunk < maxChunks && entity.GetBinary(Key(name, chunk)) is { } bytes; chunk++)
        {
            for (var offset = 0; offset + sizeof(ulong) <= bytes.Length; offset += sizeof(ulong))
            {
                runs.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset)));
            }
        }

        return [.. runs];
    }

    private static string Key(string name, int chunk) => chunk == 0 ? name : name + chunk.ToString(CultureInfo.InvariantCulture);
}
