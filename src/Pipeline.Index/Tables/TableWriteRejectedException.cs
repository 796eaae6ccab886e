namespace Pipeline.Index.Tables;

/// <summary>An entity-group transaction failed as a whole because one of its writes was refused.</summary>
public sealed class TableWriteRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TableWriteRejectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TableWriteRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TableWriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused write.</summary>
    public TableWriteRejectedException(int failedIndex, int status, string? errorCode, Exception? innerException = null)
        : base($"Write {failedIndex} of the transaction was refused: {status} {errorCode}", innerException)
    {
        FailedIndex = failedIndex;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Index of the refused write in the transaction, or -1 when the service did not say.</summary>
    public int FailedIndex { get; } = -1;

    /// <summary>HTTP status of the refusal (404 missing row, 412 ETag mismatch, 400 invalid entity...).</summary>
    public int Status { get; }

    /// <summary>The service's error code, when given.</summary>
    public string? ErrorCode { get; }
}
