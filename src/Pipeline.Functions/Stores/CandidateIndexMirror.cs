using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Candidates;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>This process's in-memory copy of the stored candidate index, brought up to date before every search.</summary>
/// <remarks>
/// The stored index is one row per article in a single partition (<see cref="PostingStore"/>). The first search reads
/// them all; later searches read only rows whose Timestamp is at or after the newest one seen, less an overlap. Any
/// number of instances can each keep a mirror: a search always reflects every row written before it began, which is
/// what order independence needs (an article's row is written before its normalized record, so of two articles
/// processed at once, at least the one aligned second finds the other). Concurrent searches share one refresh.
/// </remarks>
internal sealed class CandidateIndexMirror(TableClient table, string partition, Func<TableEntity, IReadOnlyList<Shingle>?> shinglesOf)
{
    // All index rows live in one partition, served by one partition server and stamped by its clock, so a row that
    // becomes visible after a refresh cannot carry a Timestamp more than this far before the newest one that refresh saw.
    private static readonly TimeSpan s_overlap = TimeSpan.FromSeconds(5);

    private readonly CandidateIndex _index = new();
    private readonly Dictionary<string, ETag> _applied = new(StringComparer.Ordinal);

    // Each indexed article's signature and source version, and how many articles have each signature: most articles are
    // unique, and for those the duplicate check needs no query. (Grows with the corpus like the index, by two short
    // strings per article.)
    private readonly Dictionary<string, (string Signature, string? SourceETag)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _shared = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _newest;
    private long _freshAsOf = long.MinValue;

    /// <summary>Candidates for an article's shingles among every article stored before this call began.</summary>
    public async Task<IReadOnlyList<Candidate>> FindCandidatesAsync(IReadOnlyList<Shingle> shingles, string exclude, CancellationToken cancellationToken = default)
    {
        var requested = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A refresh that started after this call was made has seen everything this call must see.
            if (_freshAsOf <= requested)
            {
                var started = Stopwatch.GetTimestamp();
                await RefreshAsync(cancellationToken);
                _freshAsOf = started;
            }

            return _index.FindCandidates(shingles, exclude);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether, as of the last search, no other indexed article has the same signature as <paramref name="name"/>
    /// (false when unknown): then it is its own canonical copy without a query.</summary>
    public bool IsKnownUnique(string name, string signature)
    {
        lock (_rows)
        {
            return _rows.TryGetValue(name, out var row) && string.Equals(row.Signature, signature, StringComparison.Ordinal) && _shared.GetValueOrDefault(signature) <= 1;
        }
    }

    /// <summary>The signature of an article's version <paramref name="sourceETag"/>, when the last search found that version
    /// indexed (null when it found another or none).</summary>
    public string? SignatureOf(string name, string sourceETag)
    {
        lock (_rows)
        {
            return _rows.TryGetValue(name, out var row) && Processing.ETags.Same(row.SourceETag, sourceETag) ? row.Signature : null;
        }
    }

    /// <summary>The article blob version an indexed article's row was made from, as of the last search (null when unknown).</summary>
    public string? SourceETagOf(string name)
    {
        lock (_rows)
        {
            return _rows.TryGetValue(name, out var row) ? row.SourceETag : null;
        }
    }

    // Records an index row's signature and source version; a null signature forgets a removed article.
    private void Track(string name, string? signature, string? sourceETag)
    {
        lock (_rows)
        {
            if (_rows.Remove(name, out var old) && --_shared[old.Signature] == 0)
            {
                _shared.Remove(old.Signature);
            }

            if (signature is not null)
            {
                _rows[name] = (signature, sourceETag);
                _shared[signature] = _shared.GetValueOrDefault(signature) + 1;
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var filter = _newest is { } newest
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Timestamp ge {newest - s_overlap}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var newestSeen = _newest;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (row.Timestamp is { } stamp && (newestSeen is null || stamp > newestSeen))
            {
                newestSeen = stamp;
            }

            var name = row.GetString("Article") ?? TableKey.Decode(row.RowKey);
            if (_applied.TryGetValue(name, out var applied) && applied == row.ETag)
            {
                continue;
            }

            if (shinglesOf(row) is { } shingles)
            {
                _index.Add(name, shingles);
                Track(name, row.GetString("Signature"), row.GetString("SourceETag"));
            }
            else
            {
                _index.Remove(name);
                Track(name, null, null);
            }

            _applied[name] = row.ETag;
        }

        // Advanced only after a complete read, so a failed refresh is simply repeated from the same point.
        _newest = newestSeen;
    }
}
