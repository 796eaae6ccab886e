namespace Pipeline.Core.Tokens;

/// <summary>Shares one string per distinct key within an article, so repeated words cost no new allocation.</summary>
internal sealed class KeyPool
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeyPool() => _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var created = key.ToString();
        _keys.Add(created);
        return created;
    }

    public string Intern(string key) => _keys.TryGetValue(key, out var existing) ? existing : Add(key);

    public bool Contains(ReadOnlySpan<char> key) => _lookup.Contains(key);

    private string Add(string key)
    {
        _keys.Add(key);
        return key;
    }
}
