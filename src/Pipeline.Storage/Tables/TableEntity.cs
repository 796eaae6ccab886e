using System.Collections;
using Azure;

namespace Pipeline.Storage.Tables;

/// <summary>A table entity: a case-sensitive property bag with PartitionKey, RowKey, Timestamp and ETag
/// (shaped like Azure.Data.Tables.TableEntity).</summary>
/// <remarks>Values may be string, int, long, double, bool, DateTimeOffset (or DateTime), Guid, byte[] or BinaryData.</remarks>
public sealed class TableEntity : IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an empty entity (keys must be set before sending).</summary>
    public TableEntity()
    {
    }

    /// <summary>Creates an entity with its keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key.</summary>
    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? "";
        set => _properties[PartitionKeyName] = value;
    }

    /// <summary>The row key.</summary>
    public string RowKey
    {
        get => GetString(RowKeyName) ?? "";
        set => _properties[RowKeyName] = value;
    }

    /// <summary>The server's last-modified time (read-only on the server; ignored when sending).</summary>
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => _properties[TimestampName] = value;
    }

    /// <summary>The entity's ETag as last read or written.</summary>
    public ETag ETag { get; set; }

    /// <inheritdoc/>
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc/>
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc/>
    public int Count => _properties.Count;

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <inheritdoc/>
    public object? this[string key]
    {
        get => _properties[key];
        set => _properties[key] = value;
    }

    /// <summary>The string value of <paramref name="key"/>, or null when absent.</summary>
    public string? GetString(string key) => Get<string>(key);

    /// <summary>The Int32 value of <paramref name="key"/>, or null when absent.</summary>
    public int? GetInt32(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw WrongType(key, other, "Int32"),
    };

    /// <summary>The Int64 value of <paramref name="key"/>, or null when absent.</summary>
    public long? GetInt64(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(key, other, "Int64"),
    };

    /// <summary>The Double value of <paramref name="key"/>, or null when absent (integers widen: JSON cannot tell 1.0 from 1).</summary>
    public double? GetDouble(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(key, other, "Double"),
    };

    /// <summary>The Boolean value of <paramref name="key"/>, or null when absent.</summary>
    public bool? GetBoolean(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(key, other, "Boolean"),
    };

    /// <summary>The DateTimeOffset value of <paramref name="key"/>, or null when absent.</summary>
    public DateTimeOffset? GetDateTimeOffset(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d),
        var other => throw WrongType(key, other, "DateTimeOffset"),
    };

    /// <summary>The Guid value of <paramref name="key"/>, or null when absent.</summary>
    public Guid? GetGuid(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        Guid g => g,
        var other => throw WrongType(key, other, "Guid"),
    };

    /// <summary>The binary value of <paramref name="key"/>, or null when absent.</summary>
    public byte[]? GetBinary(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        byte[] bytes => bytes,
        BinaryData data => data.ToArray(),
        var other => throw WrongType(key, other, "Binary"),
    };

    /// <inheritdoc/>
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc/>
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc/>
    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    /// <inheritdoc/>
    public void Clear() => _properties.Clear();

    /// <inheritdoc/>
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    /// <inheritdoc/>
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    /// <inheritdoc/>
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => default,
        T value => value,
        var other => throw WrongType(key, other, typeof(T).Name),
    };

    private static InvalidOperationException WrongType(string key, object value, string wanted) =>
        new($"Property '{key}' is {value.GetType().Name}, not {wanted}.");
}
