using System.Text;

namespace Pipeline.Storage.Tables;

/// <summary>The Table service's documented limits, checked before sending so callers get a clear error instead of a 400.</summary>
/// <remarks>https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model and
/// https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions</remarks>
internal static class TableLimits
{
    /// <summary>Keys are up to 1 KiB of UTF-16, i.e. 512 chars (Azurite enforces the same 512).</summary>
    internal const int MaxKeyChars = 512;
    internal const int MaxPropertyBytes = 64 * 1024;
    internal const int MaxEntityBytes = 1024 * 1024;
    internal const int MaxProperties = 255;
    internal const int MaxPropertyNameChars = 255;
    internal const int MaxBatchOperations = 100;
    internal const int MaxBatchBytes = 4 * 1024 * 1024;

    internal static void ValidateKey(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        if (key.Length > MaxKeyChars)
        {
            throw new ArgumentException($"{name} is {key.Length} characters; the limit is 1 KiB ({MaxKeyChars} UTF-16 characters). Use TableKey.Encode.", name);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{name} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which keys may not contain. Use TableKey.Encode.", name);
            }
        }
    }

    /// <summary>Validates keys, property names/types/sizes and the entity total (per the documented size formula).</summary>
    internal static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, "PartitionKey");
        ValidateKey(entity.RowKey, "RowKey");

        // Size = 4 bytes + keys as UTF-16 + per property 8 bytes + name as UTF-16 + value size.
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        var userProperties = 0;
        foreach (var (name, value) in entity)
        {
            if (name is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName || value is null)
            {
                continue;
            }

            userProperties++;
            if (name.Length == 0 || name.Length > MaxPropertyNameChars)
            {
                throw new ArgumentException($"Property name '{Shorten(name)}' must be 1-{MaxPropertyNameChars} characters.", nameof(entity));
            }

            long valueSize = value switch
            {
                string s => (s.Length * 2L) + 4,
                byte[] b => b.Length + 4,
                BinaryData d => d.ToMemory().Length + 4,
                bool => 1,
                int => 4,
                long or double or DateTimeOffset or DateTime => 8,
                Guid => 16,
                _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(entity)),
            };
            if (valueSize - 4 > MaxPropertyBytes)
            {
                throw new ArgumentException(
                    $"Property '{name}' is {valueSize - 4:N0} bytes; the limit is 64 KiB ({MaxPropertyBytes:N0} bytes; strings count 2 bytes per UTF-16 char).",
                    nameof(entity));
            }

            size += 8 + (name.Length * 2L) + valueSize;
        }

        if (userProperties + 3 > MaxProperties)
        {
            throw new ArgumentException(
                $"Entity has {userProperties} properties; the limit is {MaxProperties} including PartitionKey, RowKey and Timestamp.", nameof(entity));
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"Entity is {size:N0} bytes; the limit is 1 MiB ({MaxEntityBytes:N0} bytes).", nameof(entity));
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    internal static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);
}
