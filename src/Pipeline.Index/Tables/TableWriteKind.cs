namespace Pipeline.Index.Tables;

/// <summary>How a write changes a row.</summary>
public enum TableWriteKind
{
    /// <summary>Upsert-merge: creates the row or adds/overwrites the given properties, keeping the others. Never conflicts.</summary>
    Merge,

    /// <summary>Upsert-replace: the row becomes exactly the given properties.</summary>
    Replace,

    /// <summary>Replace only if the row still has <see cref="TableWrite.ETag"/>; fails otherwise (412).</summary>
    ReplaceIfMatch,

    /// <summary>Deletes the row; fails when it does not exist (404).</summary>
    Delete,
}
