using Pipeline.Functions.Processing;

namespace Pipeline.Functions.Stores;

/// <summary>The normalized records this process read most recently, by article, so a candidate that several new
/// articles meet (news comes in waves about one story) is read from storage once per version, not once per meeting.</summary>
/// <remarks>
/// Bounded: at most <see cref="Capacity"/> records (an ordinary one holds its text, tokens and passages, 50–100 KiB), the
/// least recently used going first. A record is only ever served for the source version the caller names, so a cached
/// record can be old but never mistaken for a newer one. Thread-safe.
/// </remarks>
internal sealed class RecordCache(int capacity = RecordCache.DefaultCapacity)
{
    /// <summary>Records kept by default: about 25 MiB.</summary>
    public const int DefaultCapacity = 256;

    private readonly Dictionary<string, LinkedListNode<NormalizedRecord>> _byName = new(StringComparer.Ordinal);
    private readonly LinkedList<NormalizedRecord> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Most records kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Records kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byName.Count;
            }
        }
    }

    /// <summary>The cached record of <paramref name="name"/> made from article version <paramref name="sourceETag"/>, or null.</summary>
    public NormalizedRecord? Get(string name, string sourceETag)
    {
        lock (_lock)
        {
            if (!_byName.TryGetValue(name, out var node) || !ETags.Same(node.Value.SourceETag, sourceETag))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }
    }

    /// <summary>Keeps a record, replacing any other version of the same article.</summary>
    public void Set(NormalizedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            if (_byName.Remove(record.Name, out var old))
            {
                _recency.Remove(old);
            }

            _byName[record.Name] = _recency.AddFirst(record);
            while (_byName.Count > Capacity && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _byName.Remove(last.Value.Name);
            }
        }
    }
}
