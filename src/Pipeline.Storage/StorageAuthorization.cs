using Azure.Core;

namespace Pipeline.Storage;

/// <summary>How requests to an account are authorized: exactly one of key, SAS or token.</summary>
internal abstract record StorageAuthorization
{
    private StorageAuthorization()
    {
    }

    /// <summary>Shared Key with the account's base64-decoded key.</summary>
    internal sealed record SharedKey(string AccountName, byte[] Key) : StorageAuthorization
    {
        // Never print the key, not even in a debugger view or a log line.
        public override string ToString() => $"SharedKey {{ AccountName = {AccountName} }}";
    }

    /// <summary>A shared access signature appended to every request's query.</summary>
    internal sealed record SharedAccessSignature(string Token) : StorageAuthorization
    {
        public override string ToString() => "SharedAccessSignature";
    }

    /// <summary>Microsoft Entra tokens (managed identity etc.) sent as a bearer header.</summary>
    internal sealed record Bearer(TokenCredential Credential) : StorageAuthorization;
}
