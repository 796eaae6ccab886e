using Azure;

namespace Pipeline.Storage.Tables;

/// <summary>One operation of an entity-group transaction.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (for Delete only its keys matter).</param>
/// <param name="ETag">The If-Match value for updates and deletes; default means unconditional (*).</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
