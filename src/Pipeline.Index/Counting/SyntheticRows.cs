namespace Pipeline.Index.Counting;

/// <summary>Rows a <see cref="CountingIndexTable"/> answers with when it holds nothing for a key: stands for articles
/// stored before the measurement, so a simulated 10M-article table costs no memory. Null means the row does not exist.</summary>
/// <param name="partition">The partition key asked for.</param>
/// <param name="rowKey">The row key asked for.</param>
public delegate IReadOnlyDictionary<string, object?>? SyntheticRows(string partition, string rowKey);
