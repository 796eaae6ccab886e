using System.Globalization;
using Pipeline.Core.Candidates;
using Pipeline.Storage;
using Pipeline.Storage.Tables;

namespace Pipeline.Functions.Stores;

/// <summary>The candidate index in table <c>postings</c>: shingle postings, each article's own list, and duplicate signatures.</summary>
/// <remarks>
/// Three row families share the table:
/// postings by hash (PK = first two hex digits of the hash, RK = Encode(hash + "_" + name)) answer "who has this shingle";
/// per-article rows (PK = Encode("article_" + name), RK = hash, plus RK "~signature") say what to delete when the article changes;
/// signature rows (PK = Encode("signature_" + signature), RK = Encode(name)) group identical copies.
/// </remarks>
internal sealed class PostingStore(PipelineStorage storage)
{
    private const string SignatureRow = "~signature";

    /// <summary>Replaces an article's postings and signature; returns the signature it had before (null if none or unchanged).</summary>
    /// <remarks>New rows are written before obsolete ones are deleted, so a concurrent search never misses the article.</remarks>
    public async Task<string?> ReplaceAsync(string name, IReadOnlyList<Shingle> shingles, string signature, CancellationToken cancellationToken = default)
    {
        var ownPartition = OwnPartition(name);
        var existing = await PipelineStorage.QueryAllAsync(
            storage.Postings, TableClient.CreateQueryFilter($"PartitionKey eq {ownPartition}"), cancellationToken: cancellationToken);
        var oldHashes = existing.Where(e => e.RowKey != SignatureRow).Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var oldSignature = existing.FirstOrDefault(e => e.RowKey == SignatureRow)?.GetString("Signature");

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shingle in shingles)
        {
            first.TryAdd(Hex(shingle.Hash), shingle.Position);
        }

        var upserts = new List<TableTransactionAction>();
        foreach (var (hash, position) in first)
        {
            upserts.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Bucket(hash), PostingKey(hash, name))
            {
                ["Article"] = name,
                ["Position"] = position,
            }));
            upserts.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(ownPartition, hash)));
        }

        upserts.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(ownPartition, SignatureRow) { ["Signature"] = signature }));
        upserts.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(SignaturePartition(signature), TableKey.Encode(name)) { ["Article"] = name }));
        await PipelineStorage.SubmitAsync(storage.Postings, upserts, cancellationToken);

        var deletes = new List<TableTransactionAction>();
        foreach (var hash in oldHashes.Where(h => !first.ContainsKey(h)))
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Bucket(hash), PostingKey(hash, name))));
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(ownPartition, hash)));
        }

        var changedSignature = oldSignature is not null && !string.Equals(oldSignature, signature, StringComparison.Ordinal) ? oldSignature : null;
        if (changedSignature is not null)
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(SignaturePartition(changedSignature), TableKey.Encode(name))));
        }

        await PipelineStorage.SubmitAsync(storage.Postings, deletes, cancellationToken);
        return changedSignature;
    }

    /// <summary>Removes every row of an article; returns the signature it had (null if none).</summary>
    public async Task<string?> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var ownPartition = OwnPartition(name);
        var existing = await PipelineStorage.QueryAllAsync(
            storage.Postings, TableClient.CreateQueryFilter($"PartitionKey eq {ownPartition}"), cancellationToken: cancellationToken);
        var signature = existing.FirstOrDefault(e => e.RowKey == SignatureRow)?.GetString("Signature");
        var deletes = new List<TableTransactionAction>();
        foreach (var row in existing.Where(e => e.RowKey != SignatureRow))
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Bucket(row.RowKey), PostingKey(row.RowKey, name))));
        }

        if (signature is not null)
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(SignaturePartition(signature), TableKey.Encode(name))));
        }

        await PipelineStorage.SubmitAsync(storage.Postings, deletes, cancellationToken);
        // The article's own list goes last: while any posting remains, it still says what to delete.
        await PipelineStorage.SubmitAsync(
            storage.Postings,
            existing.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(ownPartition, e.RowKey))),
            cancellationToken);
        return signature;
    }

    /// <summary>Every stored posting of the given shingles' hashes (any article).</summary>
    public async Task<IReadOnlyList<Posting>> FindAsync(IReadOnlyList<Shingle> shingles, int parallelism, CancellationToken cancellationToken = default)
    {
        var hashes = shingles.Select(s => s.Hash).Distinct().ToList();
        var found = new System.Collections.Concurrent.ConcurrentBag<Posting>();
        await Parallel.ForEachAsync(
            hashes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (hash, ct) =>
            {
                var hex = Hex(hash);
                var from = hex + "_";
                var to = hex + "`";
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Bucket(hex)} and RowKey gt {from} and RowKey lt {to}");
                await foreach (var row in storage.Postings.QueryAsync(filter, maxPerPage: 1000, cancellationToken: ct))
                {
                    if (row.GetString("Article") is { } article)
                    {
                        found.Add(new Posting(hash, article, row.GetInt32("Position") ?? 0));
                    }
                }
            });
        return found.ToList();
    }

    /// <summary>The articles whose content has the given signature.</summary>
    public async Task<IReadOnlyList<string>> SignatureMembersAsync(string signature, CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(
            storage.Postings, TableClient.CreateQueryFilter($"PartitionKey eq {SignaturePartition(signature)}"), cancellationToken: cancellationToken);
        return rows.Select(r => r.GetString("Article") ?? TableKey.Decode(r.RowKey)).ToList();
    }

    private static string Hex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    private static string Bucket(string hex) => hex[..2];

    // Composite keys encode prefix and name together: the prefix survives literally (its characters are kept) and
    // TableKey keeps the whole key within 1 KiB however long the name is.
    private static string PostingKey(string hex, string name) => TableKey.Encode(hex + "_" + name);

    private static string OwnPartition(string name) => TableKey.Encode("article_" + name);

    private static string SignaturePartition(string signature) => TableKey.Encode("signature_" + signature);
}
