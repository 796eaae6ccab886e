using Azure;

namespace Pipeline.Storage.Tables;

/// <summary>An entity-group transaction was rejected; nothing in it was applied.
/// <see cref="FailedTransactionActionIndex"/> names the failing action when the service says which.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception for the action at <paramref name="failedIndex"/> (0-based) that failed.</summary>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedIndex;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 0-based index of the failing action in the submitted list, when known.</summary>
    public int? FailedTransactionActionIndex { get; }
}
