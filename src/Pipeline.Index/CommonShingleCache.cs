namespace Pipeline.Index;

/// <summary>Shingle hashes this process has seen marked common, so lookups skip reading them and indexing skips
/// writing them. Bounded: two generations of at most half the capacity each; when the young one fills, the old one is
/// dropped. Forgetting is harmless, it only costs a read that rediscovers the mark. Thread-safe.</summary>
internal sealed class CommonShingleCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly int _generation = Math.Max(1, capacity / 2);
    private HashSet<ulong> _young = [];
    private HashSet<ulong> _old = [];

    /// <summary>Hashes remembered now (at most the capacity).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _young.Count + _old.Count;
            }
        }
    }

    public bool Contains(ulong hash)
    {
        lock (_lock)
        {
            return _young.Contains(hash) || _old.Contains(hash);
        }
    }

    public void Add(ulong hash)
    {
        lock (_lock)
        {
            if (_old.Contains(hash) || !_young.Add(hash) || _young.Count < _generation)
            {
                return;
            }

            _old = _young;
            _young = [];
        }
    }
}
