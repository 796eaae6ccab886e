using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index.Tables;

namespace Pipeline.Index;

/// <summary>The candidate index kept in a table, sharded by shingle hash: no process holds it, and indexing or looking
/// up one article takes a number of requests that depends on the article's length, never on the corpus size.</summary>
/// <remarks>
/// <para>Layout: partition <c>bNN</c> = hash bucket of the shingle (<see cref="ShardingOptions.Buckets"/>), row key = the
/// shingle hash in hex, one property per article holding "day,position,version,article". Each article also has a manifest row
/// (its hashes and day) in the bucket of its own key.</para>
/// <para>Writes are upsert-merges of the article's own property, so two articles indexed at once never conflict and
/// never need to read first; a whole article is one transaction per partition. Removal overwrites the property with a
/// tombstone. Rows that pass the cap (<see cref="CandidateOptions.MaxPostingsPerShingle"/>) are boilerplate: a reader
/// that sees one replaces it with a small <c>Common</c> marker (conditionally on its ETag), and this process remembers
/// the hash in a bounded cache and stops reading or writing it. A row can hold at most 252 properties, so a cap above
/// 251 acts as 251: a merge the service refuses for size turns the row into a marker.</para>
/// <para>Lookups read every <see cref="ShardingOptions.QueryStride"/>-th shingle (see <see cref="QuerySample"/> for the
/// recall guarantee), by point GETs or packed filters (<see cref="ShardingOptions.RowsPerRead"/>). Give it every shingle:
/// <c>Fingerprint.Of(article, ShardingOptions.Fingerprint)</c>. Thread-safe.</para>
/// </remarks>
public sealed class ShardedCandidateIndex
{
    /// <summary>Requests one call has in flight at most: a lookup's hundred-odd point reads take a few round trips,
    /// without one article flooding an instance's connection pool.</summary>
    private const int Parallelism = 8;

    // A row over the cap is replaced by a marker when first seen, and shrunk back to it once merges since have added more
    // properties than this; a live row with more tombstones than this is compacted.
    private const int CompactCommonAbove = 16;
    private const int CompactTombstonesAbove = 32;

    private static readonly IReadOnlyDictionary<string, object?> s_commonMarker =
        new Dictionary<string, object?>(StringComparer.Ordinal) { [PostingRow.CommonProperty] = true };

    private readonly IIndexTable _table;
    private readonly ShardingOptions _options;
    private readonly CandidateOptions _candidates;
    private readonly CommonShingleCache _common;

    /// <summary>Creates the index over a table.</summary>
    public ShardedCandidateIndex(IIndexTable table, ShardingOptions? options = null, CandidateOptions? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _options = options ?? ShardingOptions.Default;
        _candidates = candidates ?? CandidateOptions.Default;
        _common = new CommonShingleCache(_options.CommonCacheSize);
    }

    /// <summary>Common hashes this process remembers (bounded by <see cref="ShardingOptions.CommonCacheSize"/>).</summary>
    public int CachedCommonShingles => _common.Count;

    /// <summary>Stores an article's postings, replacing what the index held for it; idempotent.</summary>
    /// <param name="articleKey">The article's key (blob name).</param>
    /// <param name="shingles">Every shingle of the article: <c>Fingerprint.Of(article, ShardingOptions.Fingerprint)</c>.</param>
    /// <param name="published">Publication time (blob metadata <c>published</c>, else upload time), for the time window.</param>
    /// <param name="version">The article's version (no commas), returned on the candidates that name it; a new version
    /// rewrites every posting even when the shingles are unchanged.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>False when the index already held exactly this (one request spent), true when it was written.</returns>
    public async Task<bool> IndexAsync(
        string articleKey, IReadOnlyList<Shingle> shingles, DateTimeOffset published, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        ArgumentNullException.ThrowIfNull(shingles);
        var day = PublicationDay.Of(published);
        var manifest = ArticleManifest.For(articleKey, shingles, day, _options.MaxShinglesPerArticle) with { Version = version };
        var old = await ReadManifestAsync(articleKey, cancellationToken);
        if (manifest.SameAs(old))
        {
            return false;
        }

        var positions = new Dictionary<ulong, int>();
        foreach (var shingle in shingles.Take(_options.MaxShinglesPerArticle))
        {
            positions.TryAdd(shingle.Hash, shingle.Position);
        }

        var postings = manifest.Hashes
            .Where(h => !_common.Contains(h))
            .Select(h => (h, PostingCodec.Encode(new StoredPosting(articleKey, positions[h], day, version))));
        var removed = old is null ? [] : old.Hashes.Except(manifest.Hashes).Select(h => (h, PostingCodec.Tombstone));
        await WriteAsync(articleKey, postings.Concat(removed), TableWrite.Replace(ShardKeys.ManifestRow(articleKey), ManifestProperties(manifest)), cancellationToken);
        return true;
    }

    /// <summary>Removes an article (deleted or rejected): tombstones its postings and deletes its manifest.</summary>
    /// <param name="articleKey">The article's key.</param>
    /// <param name="shingles">Its shingles, used only when the manifest is missing (an indexing interrupted before its end).</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>Whether anything was removed.</returns>
    public async Task<bool> RemoveAsync(string articleKey, IReadOnlyList<Shingle>? shingles = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        var old = await ReadManifestAsync(articleKey, cancellationToken);
        var hashes = old?.Hashes ?? shingles?.Select(s => s.Hash).Distinct().ToList();
        if (hashes is null || hashes.Count == 0)
        {
            return false;
        }

        var manifest = old is null ? null : TableWrite.Delete(ShardKeys.ManifestRow(articleKey));
        await WriteAsync(articleKey, hashes.Select(h => (h, PostingCodec.Tombstone)), manifest, cancellationToken);
        return true;
    }

    /// <summary>Stored articles sharing shingles with this one, best first; the article itself is left out.</summary>
    /// <param name="articleKey">The article's key.</param>
    /// <param name="shingles">Every shingle of the article (as for <see cref="IndexAsync"/>); every
    /// <see cref="ShardingOptions.QueryStride"/>-th is looked up.</param>
    /// <param name="published">The article's publication time.</param>
    /// <param name="window">Only articles published within this window (<c>Pipeline__WindowDays</c>); null for unlimited.</param>
    /// <param name="dense">Token ranges (first token, count) whose every shingle is looked up, e.g. the article's quotes,
    /// so short shared fragments there are found too; null for none.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    public async Task<IReadOnlyList<Candidate>> FindCandidatesAsync(
        string articleKey,
        IReadOnlyList<Shingle> shingles,
        DateTimeOffset published,
        PublicationWindow? window = null,
        IReadOnlyList<(int First, int Count)>? dense = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        ArgumentNullException.ThrowIfNull(shingles);
        window ??= PublicationWindow.Unlimited;
        var day = PublicationDay.Of(published);
        var sample = QuerySample.Of(shingles.Take(_options.MaxShinglesPerArticle).ToList(), _options.QueryStride, dense);
        var reads = PointRead.Plan(sample.Select(s => s.Hash).Where(h => !_common.Contains(h)), _options.Buckets, _options.RowsPerRead);

        var rows = new List<TableRow>();
        var rowsLock = new Lock();
        await Parallel.ForEachAsync(
            reads,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (read, ct) =>
            {
                IReadOnlyList<TableRow> found = read.RowKeys.Count == 1
                    ? await _table.ReadRowAsync(read.Partition, read.RowKeys[0], ct) is { } row ? [row] : []
                    : await _table.ReadRowsAsync(read, ct);
                lock (rowsLock)
                {
                    rows.AddRange(found);
                }
            });

        var postings = new List<Posting>();
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var housekeeping = new List<(string Partition, TableWrite Write)>();
        foreach (var row in rows)
        {
            if (!ShardKeys.TryParseShingleRow(row.RowKey, out var hash))
            {
                continue;
            }

            var parsed = PostingRow.Parse(hash, row.Properties);
            if (parsed.IsCommon(_candidates.MaxPostingsPerShingle))
            {
                _common.Add(hash);
                if (!parsed.Common || parsed.PropertyCount > CompactCommonAbove)
                {
                    housekeeping.Add((row.PartitionKey, new TableWrite(TableWriteKind.ReplaceIfMatch, row.RowKey, s_commonMarker, row.ETag)));
                }

                continue;
            }

            if (parsed.Tombstones > CompactTombstonesAbove)
            {
                var live = row.Properties.Where(p => p.Value is string { Length: > 0 }).ToDictionary(StringComparer.Ordinal);
                housekeeping.Add((row.PartitionKey, new TableWrite(TableWriteKind.ReplaceIfMatch, row.RowKey, live, row.ETag)));
            }

            foreach (var posting in parsed.Postings)
            {
                if (window.Admits(day, posting.Day) && !string.Equals(posting.Article, articleKey, StringComparison.Ordinal))
                {
                    postings.Add(new Posting(hash, posting.Article, posting.Position));
                    if (posting.Version is { } version)
                    {
                        versions[posting.Article] = version;
                    }
                }
            }
        }

        await HousekeepAsync(housekeeping, cancellationToken);
        return CandidateRanking.Rank(sample, postings, _candidates, articleKey)
            .Select(c => versions.TryGetValue(c.Article, out var version) ? c with { Version = version } : c)
            .ToList();
    }

    private static Dictionary<string, object?> ManifestProperties(ArticleManifest manifest)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Article"] = manifest.Article,
            ["Day"] = manifest.Day,
            ["Hashes"] = manifest.Hashes.Count,
            ["Version"] = manifest.Version,
        };
        var chunks = manifest.PackHashes();
        for (var i = 0; i < chunks.Count; i++)
        {
            properties["H" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = chunks[i];
        }

        return properties;
    }

    private async Task<ArticleManifest?> ReadManifestAsync(string articleKey, CancellationToken cancellationToken)
    {
        var row = await _table.ReadRowAsync(ShardKeys.ManifestPartition(articleKey, _options.Buckets), ShardKeys.ManifestRow(articleKey), cancellationToken);
        if (row is null
            || row.Properties.GetValueOrDefault("Article") is not string article
            || !string.Equals(article, articleKey, StringComparison.Ordinal))
        {
            return null;
        }

        var day = Convert.ToInt32(row.Properties.GetValueOrDefault("Day") ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        var chunks = new List<byte[]>();
        for (var i = 0; row.Properties.GetValueOrDefault("H" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is byte[] chunk; i++)
        {
            chunks.Add(chunk);
        }

        return new ArticleManifest(article, day, ArticleManifest.UnpackHashes(chunks)) { Version = row.Properties.GetValueOrDefault("Version") as string };
    }

    // Every partition but the manifest's at once, then the manifest's partition: the manifest is on record only once
    // every posting is, so a failure anywhere leaves the old manifest and a retry redoes the whole article.
    private async Task WriteAsync(string articleKey, IEnumerable<(ulong Hash, string Value)> postings, TableWrite? manifest, CancellationToken cancellationToken)
    {
        var manifestPartition = ShardKeys.ManifestPartition(articleKey, _options.Buckets);
        var batches = WritePlan.Batches(postings, ShardKeys.PostingProperty(articleKey), manifestPartition, manifest, _options.Buckets);
        var first = batches.Where(b => !string.Equals(b.Partition, manifestPartition, StringComparison.Ordinal));
        await Parallel.ForEachAsync(
            first,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await SubmitAsync(batch.Partition, batch.Writes, ct));
        foreach (var (partition, writes) in batches.Where(b => string.Equals(b.Partition, manifestPartition, StringComparison.Ordinal)))
        {
            await SubmitAsync(partition, writes, cancellationToken);
        }
    }

    // One refused write fails its transaction. A merge refused as invalid (400: the row reached 252 properties or 1 MiB)
    // means the shingle is common whatever the cap: the row becomes a marker and the posting is dropped. A delete of a
    // row already gone (404) is done. Anything else is the caller's to retry.
    private async Task SubmitAsync(string partition, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken)
    {
        var pending = writes.ToList();
        while (pending.Count > 0)
        {
            try
            {
                await _table.SubmitAsync(partition, pending, cancellationToken);
                return;
            }
            catch (TableWriteRejectedException e) when (e.FailedIndex >= 0 && e.FailedIndex < pending.Count && Repairable(pending[e.FailedIndex], e.Status))
            {
                var refused = pending[e.FailedIndex];
                pending.RemoveAt(e.FailedIndex);
                if (refused.Kind == TableWriteKind.Merge && ShardKeys.TryParseShingleRow(refused.RowKey, out var hash))
                {
                    _common.Add(hash);
                    await _table.SubmitAsync(partition, [TableWrite.Replace(refused.RowKey, s_commonMarker)], cancellationToken);
                }
            }
        }
    }

    private static bool Repairable(TableWrite write, int status) =>
        (write.Kind == TableWriteKind.Merge && status == 400 && ShardKeys.TryParseShingleRow(write.RowKey, out _))
        || (write.Kind == TableWriteKind.Delete && status == 404);

    // Best effort: a row changed since it was read (412) or deleted (404) is left for a later reader.
    private async Task HousekeepAsync(List<(string Partition, TableWrite Write)> writes, CancellationToken cancellationToken)
    {
        foreach (var (partition, write) in writes)
        {
            try
            {
                await _table.SubmitAsync(partition, [write], cancellationToken);
            }
            catch (TableWriteRejectedException e) when (e.Status is 404 or 412)
            {
            }
        }
    }
}
