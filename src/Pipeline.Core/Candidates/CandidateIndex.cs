using System.Runtime.InteropServices;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Candidates;

/// <summary>An in-memory inverted index from shingle hash to the stored articles containing it.</summary>
/// <remarks>
/// Holds postings and article names only, never texts. A lookup costs one dictionary probe per query shingle,
/// independent of how many articles are stored; hashes found in more than
/// <see cref="CandidateOptions.MaxPostingsPerShingle"/> articles stop keeping postings at all (they are generic).
/// Removal is lazy: removed articles are skipped at lookup and purged once they are half of what is stored.
/// Not thread-safe for concurrent writes.
/// </remarks>
public sealed class CandidateIndex
{
    private readonly Dictionary<ulong, Entry> _entries = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [];
    private readonly CandidateOptions _options;
    private readonly FingerprintOptions _fingerprint;
    private int _removed;

    /// <summary>Creates an empty index.</summary>
    public CandidateIndex(CandidateOptions? options = null, FingerprintOptions? fingerprint = null)
    {
        _options = options ?? CandidateOptions.Default;
        _fingerprint = fingerprint ?? FingerprintOptions.Default;
    }

    /// <summary>Number of articles currently stored.</summary>
    public int Count => _ids.Count;

    /// <summary>Number of distinct shingle hashes held (saturated ones included).</summary>
    public int ShingleCount => _entries.Count;

    /// <summary>Fingerprints and stores an article, replacing any article of the same name.</summary>
    public IReadOnlyList<Shingle> Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var shingles = Fingerprint.Of(article, _fingerprint);
        Add(article.Name, shingles);
        return shingles;
    }

    /// <summary>Stores an article's precomputed shingles under its name, replacing any article of the same name.</summary>
    public void Add(string article, IReadOnlyList<Shingle> shingles)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(shingles);
        Remove(article);
        var id = _names.Count;
        _names.Add(article);
        _ids[article] = id;
        for (var i = 0; i < shingles.Count; i++)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, shingles[i].Hash, out _);
            entry.Add(id, shingles[i].Position, _options.MaxPostingsPerShingle);
        }
    }

    /// <summary>Forgets an article; returns whether it was stored.</summary>
    public bool Remove(string article)
    {
        if (!_ids.Remove(article, out var id))
        {
            return false;
        }

        _names[id] = null;
        _removed++;
        if (_removed > 1024 && _removed > _ids.Count)
        {
            Purge();
        }

        return true;
    }

    /// <summary>Candidates for an article (fingerprinted with this index's options), leaving the article itself out.</summary>
    public IReadOnlyList<Candidate> FindCandidates(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return FindCandidates(Fingerprint.Of(article, _fingerprint), article.Name);
    }

    /// <summary>Candidates for a query's shingles, optionally leaving one article out.</summary>
    public IReadOnlyList<Candidate> FindCandidates(IReadOnlyList<Shingle> query, string? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CandidateRanking.Rank(query, PostingsFor(query), _options, exclude);
    }

    private List<Posting> PostingsFor(IReadOnlyList<Shingle> query)
    {
        var postings = new List<Posting>();
        var seen = new HashSet<ulong>();
        for (var i = 0; i < query.Count; i++)
        {
            var hash = query[i].Hash;
            if (!seen.Add(hash) || !_entries.TryGetValue(hash, out var entry) || entry.Saturated(_options.MaxPostingsPerShingle))
            {
                continue;
            }

            for (var p = 0; p < entry.Count; p++)
            {
                var (id, position) = entry.At(p);
                if (_names[id] is { } name)
                {
                    postings.Add(new Posting(hash, name, position));
                }
            }
        }

        return postings;
    }

    private void Purge()
    {
        var hashes = new List<ulong>(_entries.Keys);
        foreach (var hash in hashes)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, hash);
            if (entry.Saturated(_options.MaxPostingsPerShingle))
            {
                continue;
            }

            var kept = default(Entry);
            for (var p = 0; p < entry.Count; p++)
            {
                var (id, position) = entry.At(p);
                if (_names[id] is not null)
                {
                    kept.Add(id, position, _options.MaxPostingsPerShingle);
                }
            }

            if (kept.Count == 0)
            {
                _entries.Remove(hash);
            }
            else
            {
                entry = kept;
            }
        }

        _removed = 0;
    }

    // The first posting lives inline because most hashes occur in one article only; that keeps the index small.
    private struct Entry
    {
        private int _firstId;
        private int _firstPosition;
        private long[]? _rest;

        public int Count { get; private set; }

        public readonly bool Saturated(int cap) => Count > cap;

        public readonly (int Id, int Position) At(int index)
        {
            if (index == 0)
            {
                return (_firstId, _firstPosition);
            }

            var packed = _rest![index - 1];
            return ((int)(packed >> 32), (int)(packed & 0xFFFFFFFF));
        }

        public void Add(int id, int position, int cap)
        {
            Count++;
            if (Count == 1)
            {
                _firstId = id;
                _firstPosition = position;
                return;
            }

            if (Count > cap)
            {
                _rest = null;
                return;
            }

            _rest ??= new long[2];
            if (Count - 1 > _rest.Length)
            {
                Array.Resize(ref _rest, _rest.Length * 2);
            }

            _rest[Count - 2] = ((long)id << 32) | (uint)position;
        }
    }
}
