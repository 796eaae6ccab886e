using System.Runtime.InteropServices;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Candidates;

/// <summary>An in-memory inverted index from shingle hash to the stored articles containing it.</summary>
/// <remarks>
/// Holds postings and article names only, never texts: 16 bytes per posting in a sorted array (hash, then article id
/// and position packed), plus a small dictionary of recent additions that is merged in once it reaches a quarter of
/// the sorted part, so adding stays amortized O(1) per posting. A lookup costs one binary search per query shingle,
/// independent of the number of articles for practical purposes. Hashes found in more than
/// <see cref="CandidateOptions.MaxPostingsPerShingle"/> articles are generic: their postings are dropped at the next
/// merge and they are ignored from then on. Removal is lazy: removed articles are skipped at lookup and purged at the
/// next merge. Not thread-safe.
/// </remarks>
public sealed class CandidateIndex
{
    private const int MinBuffered = 1 << 16;

    // Recent additions: postings in arrival order, chained per hash (newest first) so no object is allocated per hash.
    private readonly Dictionary<ulong, int> _bufferHead = [];
    private readonly List<ulong> _bufferHashes = [];
    private readonly List<long> _bufferPostings = [];
    private readonly List<int> _bufferNext = [];
    private readonly HashSet<ulong> _saturated = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [];
    private readonly CandidateOptions _options;
    private readonly FingerprintOptions _fingerprint;
    private ulong[] _hashes = [];
    private long[] _postings = [];
    private int _buffered;
    private int _removed;

    /// <summary>Creates an empty index.</summary>
    public CandidateIndex(CandidateOptions? options = null, FingerprintOptions? fingerprint = null)
    {
        _options = options ?? CandidateOptions.Default;
        _fingerprint = fingerprint ?? FingerprintOptions.Default;
    }

    /// <summary>Number of articles currently stored.</summary>
    public int Count => _ids.Count;

    /// <summary>Number of postings held (including those of removed articles not yet purged).</summary>
    public long PostingCount => _postings.LongLength + _buffered;

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
            var hash = shingles[i].Hash;
            if (_saturated.Contains(hash))
            {
                continue;
            }

            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_bufferHead, hash, out var exists);
            _bufferNext.Add(exists ? head : -1);
            head = _bufferHashes.Count;
            _bufferHashes.Add(hash);
            _bufferPostings.Add(Pack(id, shingles[i].Position));
            _buffered++;
        }

        if (_buffered > Math.Max(MinBuffered, _hashes.Length / 4))
        {
            Merge();
        }
    }

    /// <summary>Forgets an article; returns whether it was stored.</summary>
    public bool Remove(string article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!_ids.Remove(article, out var id))
        {
            return false;
        }

        _names[id] = null;
        _removed++;
        if (_removed > 1024 && _removed > _ids.Count)
        {
            Merge();
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

    private static long Pack(int id, int position) => ((long)id << 32) | (uint)position;

    private List<Posting> PostingsFor(IReadOnlyList<Shingle> query)
    {
        var postings = new List<Posting>();
        var seen = new HashSet<ulong>();
        for (var i = 0; i < query.Count; i++)
        {
            var hash = query[i].Hash;
            if (!seen.Add(hash) || _saturated.Contains(hash))
            {
                continue;
            }

            var (lo, hi) = Range(hash);
            var count = hi - lo;
            var head = _bufferHead.TryGetValue(hash, out var h) ? h : -1;
            for (var r = head; r >= 0 && count <= _options.MaxPostingsPerShingle; r = _bufferNext[r])
            {
                count++;
            }

            if (count > _options.MaxPostingsPerShingle)
            {
                continue;
            }

            for (var p = lo; p < hi; p++)
            {
                AddLive(postings, hash, _postings[p]);
            }

            for (var r = head; r >= 0; r = _bufferNext[r])
            {
                AddLive(postings, hash, _bufferPostings[r]);
            }
        }

        return postings;
    }

    private void AddLive(List<Posting> postings, ulong hash, long packed)
    {
        if (_names[(int)(packed >> 32)] is { } name)
        {
            postings.Add(new Posting(hash, name, (int)(packed & 0xFFFFFFFF)));
        }
    }

    private (int Lo, int Hi) Range(ulong hash)
    {
        var span = _hashes.AsSpan();
        var lo = LowerBound(span, hash);
        var hi = lo;
        while (hi < span.Length && span[hi] == hash)
        {
            hi++;
        }

        return (lo, hi);
    }

    private static int LowerBound(ReadOnlySpan<ulong> sorted, ulong value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // Merges the buffer into the sorted arrays, purging removed articles and dropping hashes that became generic.
    private void Merge()
    {
        var bufferHashes = _bufferHashes.ToArray();
        var bufferPostings = _bufferPostings.ToArray();
        var n = bufferHashes.Length;
        Array.Sort(bufferHashes, bufferPostings);

        var hashes = new ulong[_hashes.Length + n];
        var postings = new long[_hashes.Length + n];
        int a = 0, b = 0, w = 0;
        while (a < _hashes.Length || b < n)
        {
            var hash = b >= n || (a < _hashes.Length && _hashes[a] <= bufferHashes[b]) ? _hashes[a] : bufferHashes[b];
            var groupStart = w;
            for (; a < _hashes.Length && _hashes[a] == hash; a++)
            {
                w = KeepLive(hashes, postings, w, hash, _postings[a]);
            }

            for (; b < n && bufferHashes[b] == hash; b++)
            {
                w = KeepLive(hashes, postings, w, hash, bufferPostings[b]);
            }

            if (w - groupStart > _options.MaxPostingsPerShingle)
            {
                _saturated.Add(hash);
                w = groupStart;
            }
        }

        Array.Resize(ref hashes, w);
        Array.Resize(ref postings, w);
        _hashes = hashes;
        _postings = postings;
        _bufferHead.Clear();
        _bufferHashes.Clear();
        _bufferPostings.Clear();
        _bufferNext.Clear();
        _buffered = 0;
        _removed = 0;
    }

    private int KeepLive(ulong[] hashes, long[] postings, int at, ulong hash, long packed)
    {
        if (_names[(int)(packed >> 32)] is null)
        {
            return at;
        }

        hashes[at] = hash;
        postings[at] = packed;
        return at + 1;
    }
}
