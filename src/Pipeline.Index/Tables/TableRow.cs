namespace Pipeline.Index.Tables;

/// <summary>A row as read: keys, ETag and its own properties (no system properties).</summary>
/// <param name="PartitionKey">The partition key.</param>
/// <param name="RowKey">The row key.</param>
/// <param name="ETag">The row's version, for conditional writes.</param>
/// <param name="Properties">Property values: string, bool, long, int, byte[].</param>
public sealed record TableRow(string PartitionKey, string RowKey, string ETag, IReadOnlyDictionary<string, object?> Properties);
