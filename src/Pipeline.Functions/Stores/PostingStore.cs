using System.Buffers.Binary;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Index;
using Pipeline.Index.Tables;

namespace Pipeline.Functions.Stores;

/// <summary>The candidate index: one row per article and duplicate signatures in table <c>postings</c>, searched through
/// this process's mirror of the rows or, with <c>Pipeline:CandidateIndex</c> = sharded, through posting rows sharded by
/// shingle hash in table <c>candidates</c> (<see cref="ShardedCandidateIndex"/>).</summary>
/// <remarks>
/// With the sharded index the article's row keeps its signature and version but no shingles, and no process holds the
/// index: memory and a cold instance's reads stop growing with the corpus, at about 220 requests per article.
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

    // Which kind of index every article was last found indexed for: PK "meta" is no article's and no signature's.
    private const string MetaPartition = "meta";
    private const string KindRow = "candidate-index";

    // 12 bytes per shingle (hash, position); 5,000 per property stays under the 64 KiB binary limit. Azurite counts an
    // entity's size as sent (binary as base64, 4/3 larger), so 11 properties keep it under 1 MiB there and in Azure.
    // An article with more shingles than that (roughly 800 KB of text) is searched by its first 55,000.
    private const int ShingleBytes = 12;
    private const int ShinglesPerChunk = 5_000;
    private const int MaxChunks = 11;

    private readonly PipelineStorage _storage;
    private readonly PipelineOptions _options;
    private readonly CandidateIndexMirror? _mirror;
    private readonly ShardedCandidateIndex? _sharded;

    /// <summary>Creates the store over the pipeline's tables, with the candidate index the options name.</summary>
    public PostingStore(PipelineStorage storage, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _options = options ?? new PipelineOptions();
        if (_options.CandidateIndex == CandidateIndexKind.Sharded)
        {
            _sharded = new ShardedCandidateIndex(new AzureIndexTable(storage.Candidates));
        }
        else
        {
            _mirror = new CandidateIndexMirror(storage.Postings, IndexPartition, ShinglesOf);
        }
    }

    /// <summary>Most shingles one article's index row holds.</summary>
    public static int MaxShingles => ShinglesPerChunk * MaxChunks;

    /// <summary>Indexes a normalized article version in the configured index; returns the signature it had before (null if none or unchanged).</summary>
    /// <remarks>The signature row is written first and the article's row last, so an article found through the index can
    /// always be recognised as a copy, and a row on record means its postings are too.</remarks>
    public Task<string?> IndexAsync(NormalizedRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_sharded is not { } sharded)
        {
            return ReplaceAsync(record.Name, Fingerprint.Of(record.Article), record.Signature, record.SourceETag, cancellationToken);
        }

        return ReplaceAsync(
            record.Name, [], record.Signature, record.SourceETag, cancellationToken,
            ct => sharded.IndexAsync(record.Name, Fingerprint.Of(record.Article, ShardingOptions.Fingerprint), DateOf(record), VersionOf(record), ct));
    }

    /// <summary>Replaces an article's index row and signature; returns the signature it had before (null if none or unchanged).</summary>
    /// <param name="name">The article.</param>
    /// <param name="shingles">Its shingles.</param>
    /// <param name="signature">Its content signature.</param>
    /// <param name="sourceETag">The article blob version indexed: searches report it, so a cached record of that version can stand in for a read.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <param name="beforeRow">Writes the postings of the sharded index, after the signature row and before the article's row.</param>
    public async Task<string?> ReplaceAsync(
        string name, IReadOnlyList<Shingle> shingles, string signature, string? sourceETag = null, CancellationToken cancellationToken = default,
        Func<CancellationToken, Task>? beforeRow = null)
    {
        var oldSignature = await CurrentSignatureAsync(name, cancellationToken);
        var row = new TableEntity(IndexPartition, TableKey.Encode(name))
        {
            ["Article"] = name,
            ["Signature"] = signature,
            ["SourceETag"] = sourceETag,
            ["Shingles"] = Math.Min(shingles.Count, MaxShingles),
            ["Removed"] = false,
            ["Sharded"] = _sharded is not null,
        };
        WriteShingles(row, shingles);

        // The signature row first: a copy found through the index row can then always be recognised as one.
        await _storage.Postings.UpsertEntityAsync(
            new TableEntity(SignaturePartition(signature), TableKey.Encode(name)) { ["Article"] = name }, TableUpdateMode.Replace, cancellationToken);
        if (beforeRow is not null)
        {
            await beforeRow(cancellationToken);
        }

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
        if (_sharded is not null)
        {
            await _sharded.RemoveAsync(name, cancellationToken: cancellationToken);
        }

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

    /// <summary>Candidates for an article among every article indexed before this call began (itself left out), each
    /// with the version its index entry was made from (<see cref="Candidate.Version"/>) when known.</summary>
    public async Task<IReadOnlyList<Candidate>> FindCandidatesAsync(NormalizedRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_sharded is { } sharded)
        {
            return await sharded.FindCandidatesAsync(
                record.Name, Fingerprint.Of(record.Article, ShardingOptions.Fingerprint), DateOf(record), _options.Window,
                QuerySample.Quotes(record.Article), cancellationToken);
        }

        return await FindCandidatesAsync(record.Name, Fingerprint.Of(record.Article), cancellationToken);
    }

    /// <summary>Candidates for shingles among every article indexed before this call began (<paramref name="name"/> left out), from the mirror.</summary>
    public async Task<IReadOnlyList<Candidate>> FindCandidatesAsync(string name, IReadOnlyList<Shingle> shingles, CancellationToken cancellationToken = default)
    {
        var mirror = _mirror ?? throw new InvalidOperationException("Searching by shingles needs the mirrored index (Pipeline:CandidateIndex = mirror).");
        var found = await mirror.FindCandidatesAsync(shingles, name, cancellationToken);
        return found.Select(c => c with { Version = mirror.SourceETagOf(c.Article) }).ToList();
    }

    /// <summary>Whether searches run on this process's mirror of the index (else on the sharded index in storage).</summary>
    public bool IsMirrored => _mirror is not null;

    /// <summary>Whether, as of this process's last search, no other indexed article shares the article's signature
    /// (always false with the sharded index, which keeps no signatures in memory: callers then query).</summary>
    public bool IsKnownUnique(string name, string signature) => _mirror?.IsKnownUnique(name, signature) ?? false;

    /// <summary>The signature of an article's version <paramref name="sourceETag"/> as this process's mirror knows it
    /// (null when it does not: with the sharded index, or when it last saw another version or none).</summary>
    public string? KnownSignatureOf(string name, string? sourceETag) => sourceETag is null ? null : _mirror?.SignatureOf(name, sourceETag);

    /// <summary>The names of every article indexed in the configured index (tombstones, and rows written for the other
    /// kind of index, left out: those articles are normalized again).</summary>
    public async Task<IReadOnlySet<string>> IndexedArticlesAsync(CancellationToken cancellationToken = default) =>
        (await LiveIndexRowsAsync(cancellationToken)).Where(r => r.Sharded == (_sharded is not null)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Live articles whose index row was written for the other kind of index than the one in use.</summary>
    public async Task<IReadOnlyList<string>> IndexedForTheOtherKindAsync(CancellationToken cancellationToken = default) =>
        (await LiveIndexRowsAsync(cancellationToken)).Where(r => r.Sharded != (_sharded is not null)).Select(r => r.Name).ToList();

    /// <summary>Whether every article was last found indexed for the kind of index in use (one point read).</summary>
    public async Task<bool> IsIndexedForThisKindAsync(CancellationToken cancellationToken = default)
    {
        var marker = await _storage.Postings.GetEntityIfExistsAsync<TableEntity>(MetaPartition, KindRow, ["Kind"], cancellationToken);
        return marker.HasValue && marker.Value is { } row && string.Equals(row.GetString("Kind"), _options.CandidateIndex.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Records that every article is indexed for the kind of index in use.</summary>
    public Task MarkIndexedForThisKindAsync(CancellationToken cancellationToken = default) =>
        _storage.Postings.UpsertEntityAsync(
            new TableEntity(MetaPartition, KindRow) { ["Kind"] = _options.CandidateIndex.ToString(), ["Checked"] = DateTimeOffset.UtcNow },
            TableUpdateMode.Replace,
            cancellationToken);

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

    // Articles with no date of their own are dated when they are indexed or looked up, which is about when they arrived.
    private static DateTimeOffset DateOf(NormalizedRecord record) => record.Dated ?? DateTimeOffset.UtcNow;

    // A posting's version may not hold a comma; blob ETags never do, but a version that did is better left out than refused.
    private static string? VersionOf(NormalizedRecord record) =>
        record.SourceETag.Contains(',', StringComparison.Ordinal) ? null : ETags.Normalize(record.SourceETag);

    // Every article with a live index row (tombstones left out), and whether the row was written for the sharded index.
    private async Task<IEnumerable<(string Name, bool Sharded)>> LiveIndexRowsAsync(CancellationToken cancellationToken)
    {
        var rows = await PipelineStorage.QueryAllAsync(
            _storage.Postings, TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}"), ["RowKey", "Article", "Removed", "Sharded"], cancellationToken);
        return rows.Where(r => r.GetBoolean("Removed") != true)
            .Select(r => (r.GetString("Article") ?? TableKey.Decode(r.RowKey), r.GetBoolean("Sharded") ?? false));
    }

    private static string ChunkName(int chunk) => chunk == 0 ? "Data" : "Data" + chunk.ToString(CultureInfo.InvariantCulture);

    private static string SignaturePartition(string signature) => TableKey.Encode("signature_" + signature);
}
