namespace Pipeline.Storage.Tables;

/// <summary>The operation of one action in an entity-group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails with EntityAlreadyExists when present.</summary>
    Add,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity (If-Match: the action's ETag, or * when default).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (If-Match: the action's ETag, or * when default).</summary>
    UpdateReplace,

    /// <summary>Delete (If-Match: the action's ETag, or * when default).</summary>
    Delete,
}
