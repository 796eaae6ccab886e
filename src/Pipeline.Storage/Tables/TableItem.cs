namespace Pipeline.Storage.Tables;

/// <summary>A table's name, as returned by table creation.</summary>
/// <param name="Name">The table name.</param>
public sealed record TableItem(string Name);
