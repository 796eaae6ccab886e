using System.Buffers.Binary;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Candidates;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>The candidate index in table <c>postings</c>: one row of shingles per article, and duplicate signatures.</summary>
/// <remarks>
/// Index rows (PK <c>index</c>, RK = Encode(name)) hold an article's shingles packed as binary, its signature, and
/// <c>Removed</c> once it is rejected or deleted: the row stays as a tombstone so that every process's
/// <see cref="CandidateIndexMirror"/> learns of the removal from the same incremental read that brings new articles.
/// Signature rows (PK = Encode("signature_" + signature), RK = Encode(name)) group identical copies.
/// One row per article, rather than one row per shingle, makes indexing an article one write and a search one
/// incremental read instead of hundreds of small requests.
/// </remarks>
internal sealed class PostingStore
{
    /// <summary>The partition that holds every article's index row.</summary>
    public const string IndexPartition = "index";

    // 12 bytes per shingle (hash, position); 5,000 per property stays under the 64 KiB binary limit. Azurite counts an
    // entity's size as sent (binary as base64, 4/3 larger), so 11 properties keep it under 1 MiB there and in Azure.
    // An article with more shingles than that (roughly 800 KB of text) is searched by its first 55,000.
    private const int ShingleBytes = 12;
    private const int ShinglesPerChunk = 5_000;
    private const int MaxChunks = 11;

    private readonly PipelineStorage _storage;
    private readonly CandidateIndexMirror _mirror;

    /// <summary>Creates the store over the pipeline's <c>postings</c> table.</summary>
    public PostingStore(PipelineStorage storage)
    {
        _storage = storage;
        _mirror = new CandidateIndexMirror(storage.Postings, IndexPartition, ShinglesOf);
    }

    /// <summary>Most shingles one article's index row holds.</summary>
    public static int MaxShingles => ShinglesPerChunk * MaxChunks;

    /// <summary>Replaces an article's index row and signature; returns the signature it had before (null if none or unchanged).</summary>
    /// <param name="name">The article.</param>
    /// <param name="shingles">Its shingles.</param>
    /// <param name="signature">Its content signature.</param>
    /// <param name="sourceETag">The article blob version indexed: searches report it, so a cached record of that version can stand in for a read.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<string?> ReplaceAsync(string name, IReadOnlyList<Shingle> shingles, string signature, string? sourceETag = null, CancellationToken cancellationToken = default)
    {
        var oldSignature = await CurrentSignatureAsync(name, cancellationToken);
        var row = new TableEntity(IndexPartition, TableKey.Encode(name))
        {
            ["Article"] = name,
            ["Signature"] = signature,
            ["SourceETag"] = sourceETag,
            ["Shingles"] = Math.Min(shingles.Count, MaxShingles),
            ["Removed"] = false,
        };
        WriteShingles(row, shingles);

        // The signature row first: a copy found through the index row can then always be recognised as one.
        await _storage.Postings.UpsertEntityAsync(
            new TableEntity(SignaturePartition(signature), TableKey.Encode(name)) { ["Article"] = name }, TableUpdateMode.Replace, cancellationToken);
        await _storage.Postings.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

        var changedSignature = oldSignature is not null && !string.Equals(oldSignature, signature, StringComparison.Ordinal) ? oldSignature : null;
        if (changedSignature is not null)
        {
            await DeleteSignatureRowAsync(changedSignature, name, cancellationToken);
        }

        return changedSignature;
    }

    /// <summary>Marks an article removed from the index and drops its signature row; returns the signature it had (null if none).</summary>
    public async Task<string?> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var signature = await CurrentSignatureAsync(name, cancellationToken);
        if (signature is null)
        {
            return null;
        }

        await _storage.Postings.UpsertEntityAsync(
            new TableEntity(IndexPartition, TableKey.Encode(name)) { ["Article"] = name, ["Removed"] = true }, TableUpdateMode.Replace, cancellationToken);
        await DeleteSignatureRowAsync(signature, name, cancellationToken);
        return signature;
    }

    /// <summary>Candidates for an article among every article indexed before this call began (itself left out).</summary>
    public Task<IReadOnlyList<Candidate>> FindCandidatesAsync(string name, IReadOnlyList<Shingle> shingles, CancellationToken cancellationToken = default) =>
        _mirror.FindCandidatesAsync(shingles, name, cancellationToken);

    /// <summary>The article blob version the index row of <paramref name="name"/> was made from, as of this process's last search; null when unknown.</summary>
    public string? IndexedSourceETag(string name) => _mirror.SourceETagOf(name);

    /// <summary>Whether, as of this process's last search, no other indexed article shares the article's signature.</summary>
    public bool IsKnownUnique(string name, string signature) => _mirror.IsKnownUnique(name, signature);

    /// <summary>The names of every article with a live index row (tombstones left out).</summary>
    public async Task<IReadOnlySet<string>> IndexedArticlesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(
            _storage.Postings, TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}"), ["RowKey", "Article", "Removed"], cancellationToken);
        return rows.Where(r => r.GetBoolean("Removed") != true).Select(r => r.GetString("Article") ?? TableKey.Decode(r.RowKey)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The articles whose content has the given signature.</summary>
    public async Task<IReadOnlyList<string>> SignatureMembersAsync(string signature, CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(
            _storage.Postings, TableClient.CreateQueryFilter($"PartitionKey eq {SignaturePartition(signature)}"), cancellationToken: cancellationToken);
        return rows.Select(r => r.GetString("Article") ?? TableKey.Decode(r.RowKey)).ToList();
    }

    /// <summary>The shingles an index row holds; null for a tombstone.</summary>
    public static IReadOnlyList<Shingle>? ShinglesOf(TableEntity row)
    {
        if (row.GetBoolean("Removed") == true)
        {
            return null;
        }

        var shingles = new List<Shingle>(row.GetInt32("Shingles") ?? 0);
        for (var chunk = 0; chunk < MaxChunks && row.GetBinary(ChunkName(chunk)) is { } bytes; chunk++)
        {
            for (var offset = 0; offset + ShingleBytes <= bytes.Length; offset += ShingleBytes)
            {
                shingles.Add(new Shingle(
                    BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset)),
                    BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 8))));
            }
        }

        return shingles;
    }

    private static void WriteShingles(TableEntity row, IReadOnlyList<Shingle> shingles)
    {
        var count = Math.Min(shingles.Count, MaxShingles);
        for (int chunk = 0, start = 0; start < count; chunk++, start += ShinglesPerChunk)
        {
            var n = Math.Min(ShinglesPerChunk, count - start);
            var bytes = new byte[n * ShingleBytes];
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * ShingleBytes), shingles[start + i].Hash);
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((i * ShingleBytes) + 8), shingles[start + i].Position);
            }

            row[ChunkName(chunk)] = bytes;
        }
    }

    private async Task<string?> CurrentSignatureAsync(string name, CancellationToken cancellationToken)
    {
        var existing = await _storage.Postings.GetEntityIfExistsAsync<TableEntity>(IndexPartition, TableKey.Encode(name), ["Signature", "Removed"], cancellationToken);
        return existing.HasValue && existing.Value is { } row && row.GetBoolean("Removed") != true ? row.GetString("Signature") : null;
    }

    private async Task DeleteSignatureRowAsync(string signature, string name, CancellationToken cancellationToken)
    {
        try
        {
            await _storage.Postings.DeleteEntityAsync(SignaturePartition(signature), TableKey.Encode(name), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: a concurrent removal got there first.
        }
    }

    private static string ChunkName(int chunk) => chunk == 0 ? "Data" : "Data" + chunk.ToString(CultureInfo.InvariantCulture);

    private static string SignaturePartition(string signature) => TableKey.Encode("signature_" + signature);
}
