using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Pipeline.Functions.Storage;

/// <summary>The app's one <see cref="BlobServiceClient"/> and one <see cref="TableServiceClient"/>, built from <c>AzureWebJobsStorage</c>
/// the way the Functions host reads it: a connection string, or the identity form <c>__blobServiceUri</c> / <c>__tableServiceUri</c>
/// (or <c>__accountName</c>) with <c>__credential</c> and <c>__clientId</c>.</summary>
/// <param name="Blobs">The Blob service client.</param>
/// <param name="Tables">The Table service client.</param>
internal sealed record StorageClients(BlobServiceClient Blobs, TableServiceClient Tables)
{
    /// <summary>The setting the Functions host and this app read their storage account from.</summary>
    public const string SettingName = "AzureWebJobsStorage";

    private static readonly string[] s_identityKeys = ["blobServiceUri", "tableServiceUri", "queueServiceUri", "serviceUri", "accountName", "credential", "clientId", "tenantId"];

    /// <summary>Reads <c>AzureWebJobsStorage</c>; a missing or malformed setting throws <see cref="InvalidOperationException"/> naming it, never echoing a key.</summary>
    public static StorageClients FromConfiguration(IConfiguration configuration, string name = SettingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[name] is { Length: > 0 } plain && !string.IsNullOrWhiteSpace(plain) ? plain : configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString, name);
        }

        var values = configuration.GetSection(name).GetChildren()
            .Where(child => child.Value is not null)
            .ToDictionary(child => child.Key, child => child.Value!, StringComparer.OrdinalIgnoreCase);
        if (values.Count == 0)
        {
            throw new InvalidOperationException(
                $"The storage setting '{name}' is missing: set it to a connection string (e.g. UseDevelopmentStorage=true) or set '{name}__blobServiceUri' and '{name}__tableServiceUri' for identity-based access.");
        }

        if (values.Keys.FirstOrDefault(key => !s_identityKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new InvalidOperationException($"Unknown storage setting '{name}__{unknown}'. Known: {string.Join(", ", s_identityKeys.Select(k => name + "__" + k))}.");
        }

        var credential = Credential(name, values);
        var blobUri = ServiceUri(name, values, "blobServiceUri", "blob") ?? ServiceUri(name, values, "serviceUri", "blob");
        var tableUri = ServiceUri(name, values, "tableServiceUri", "table");
        if (blobUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"The storage setting '{name}__{(blobUri is null ? "blobServiceUri" : "tableServiceUri")}' is missing (or set '{name}__accountName' to derive both).");
        }

        return new StorageClients(new BlobServiceClient(blobUri, credential, BlobOptions()), new TableServiceClient(tableUri, credential, TableOptions()));
    }

    /// <summary>Clients for a connection string (tests and tools use this directly).</summary>
    public static StorageClients FromConnectionString(string connectionString, string name = SettingName)
    {
        try
        {
            return new StorageClients(new BlobServiceClient(connectionString, BlobOptions()), new TableServiceClient(connectionString, TableOptions()));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The client's own message can quote the string; a key must never reach a log.
            throw new InvalidOperationException(
                $"The storage setting '{name}' is not a valid storage connection string (expected e.g. UseDevelopmentStorage=true or DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...).");
        }
    }

    /// <summary>Retries and timeouts for every blob request: the SDK's exponential retry, bounded so a dead endpoint fails in seconds, not minutes.</summary>
    public static BlobClientOptions BlobOptions()
    {
        // Pinned: the newest version Azurite 3.37 serves, so local runs and Azure speak the same protocol.
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        Configure(options.Retry);
        return options;
    }

    /// <summary>The same policy for table requests.</summary>
    public static TableClientOptions TableOptions()
    {
        var options = new TableClientOptions();
        Configure(options.Retry);
        return options;
    }

    private static void Configure(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(400);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    private static TokenCredential Credential(string name, Dictionary<string, string> values)
    {
        values.TryGetValue("clientId", out var clientId);
        if (values.TryGetValue("credential", out var kind))
        {
            if (!string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The storage setting '{name}__credential' must be 'managedidentity' (or absent for DefaultAzureCredential).");
            }

            return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            options.ManagedIdentityClientId = clientId;
        }

        if (values.TryGetValue("tenantId", out var tenantId) && !string.IsNullOrWhiteSpace(tenantId))
        {
            options.TenantId = tenantId;
        }

        return new DefaultAzureCredential(options);
    }

    private static Uri? ServiceUri(string name, Dictionary<string, string> values, string key, string service)
    {
        string? text = values.TryGetValue(key, out var explicitUri) ? explicitUri
            : values.TryGetValue("accountName", out var account) && !string.IsNullOrWhiteSpace(account) ? $"https://{account}.{service}.core.windows.net"
            : null;
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query))
        {
            throw new InvalidOperationException($"The storage setting '{name}__{key}' must be an absolute http(s) URI without a query.");
        }

        return uri;
    }
}
