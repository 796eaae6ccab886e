namespace Pipeline.Storage;

/// <summary>A storage connection string or identity setting is missing, unknown or malformed; the message names the setting.</summary>
public sealed class StorageConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that names the offending setting (never its secret value).</summary>
    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public StorageConfigurationException()
        : base("The storage configuration is invalid.")
    {
    }
}
