namespace Pipeline.Index.Tables;

/// <summary>One operation of an entity-group transaction.</summary>
/// <param name="Kind">What the write does.</param>
/// <param name="RowKey">The row it writes (the partition is the transaction's).</param>
/// <param name="Properties">The properties written (ignored for deletes).</param>
/// <param name="ETag">The expected version for <see cref="TableWriteKind.ReplaceIfMatch"/>.</param>
public sealed record TableWrite(TableWriteKind Kind, string RowKey, IReadOnlyDictionary<string, object?> Properties, string? ETag = null)
{
    /// <summary>A merge of the given properties.</summary>
    public static TableWrite Merge(string rowKey, IReadOnlyDictionary<string, object?> properties) => new(TableWriteKind.Merge, rowKey, properties);

    /// <summary>A replace with the given properties.</summary>
    public static TableWrite Replace(string rowKey, IReadOnlyDictionary<string, object?> properties) => new(TableWriteKind.Replace, rowKey, properties);

    /// <summary>A delete.</summary>
    public static TableWrite Delete(string rowKey) => new(TableWriteKind.Delete, rowKey, new Dictionary<string, object?>());
}
