namespace Pipeline.Storage.Tables;

/// <summary>How an update treats properties absent from the sent entity.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep properties that the sent entity does not mention (MERGE).</summary>
    Merge,

    /// <summary>Replace the whole entity: properties not sent are removed (PUT).</summary>
    Replace,
}
