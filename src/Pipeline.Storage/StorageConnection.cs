using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Tables;

namespace Pipeline.Storage;

/// <summary>A parsed storage account: endpoints plus how to authorize against them.</summary>
public sealed class StorageConnection
{
    private static readonly string[] s_knownKeys =
    [
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName",
        "AccountKey", "EndpointSuffix", "BlobEndpoint", "TableEndpoint", "QueueEndpoint", "FileEndpoint",
        "SharedAccessSignature",
    ];

    private static readonly string[] s_identityKeys =
        ["blobServiceUri", "serviceUri", "tableServiceUri", "queueServiceUri", "accountName", "credential", "clientId", "tenantId"];

    private StorageConnection(Uri blobEndpoint, Uri tableEndpoint, Uri queueEndpoint, string? accountName, StorageAuthorization authorization)
    {
        BlobEndpoint = blobEndpoint;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        AccountName = accountName;
        Authorization = authorization;
    }

    /// <summary>The Blob service endpoint (for Azurite, path-style: http://127.0.0.1:PORT/devstoreaccount1).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The account name when it is known (always for key-based connections).</summary>
    public string? AccountName { get; }

    internal StorageAuthorization Authorization { get; }

    /// <summary>Parses a storage connection string; unknown or malformed settings throw <see cref="StorageConfigurationException"/>.</summary>
    public static StorageConnection Parse(string connectionString) => Parse(connectionString, "connection string");

    /// <summary>Reads the Functions-style setting <paramref name="name"/>: a connection string, or the identity form <c>name__blobServiceUri</c> etc.</summary>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var plain = configuration[name];
        if (!string.IsNullOrWhiteSpace(plain))
        {
            return Parse(plain, $"setting '{name}'");
        }

        var section = configuration.GetSection(name);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (child.Value is null)
            {
                continue;
            }

            if (!s_identityKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new StorageConfigurationException(
                    $"Unknown storage setting '{name}__{child.Key}'. Known: {string.Join(", ", s_identityKeys.Select(k => name + "__" + k))}.");
            }

            values[child.Key] = child.Value;
        }

        if (values.Count == 0)
        {
            throw new StorageConfigurationException(
                $"The storage setting '{name}' is missing: set it to a connection string (e.g. UseDevelopmentStorage=true) or set '{name}__blobServiceUri' and '{name}__tableServiceUri' for identity-based access.");
        }

        return FromIdentitySettings(name, values);
    }

    /// <summary>Creates a Blob service client for this account.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) => new(BlobEndpoint, Authorization, options);

    /// <summary>Creates a Table service client for this account.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) => new(TableEndpoint, Authorization, options);

    /// <summary>Describes the connection without any secret.</summary>
    public override string ToString() => $"StorageConnection {{ Blob = {BlobEndpoint}, Table = {TableEndpoint}, Auth = {Authorization} }}";

    private static StorageConnection FromIdentitySettings(string name, Dictionary<string, string> values)
    {
        values.TryGetValue("accountName", out var accountName);
        Uri Endpoint(string key, string service)
        {
            if (values.TryGetValue(key, out var text))
            {
                return ParseEndpoint(text, $"{name}__{key}");
            }

            if (service == "blob" && values.TryGetValue("serviceUri", out var serviceUri))
            {
                return ParseEndpoint(serviceUri, $"{name}__serviceUri");
            }

            if (!string.IsNullOrWhiteSpace(accountName))
            {
                return new Uri($"https://{accountName}.{service}.core.windows.net");
            }

            throw new StorageConfigurationException(
                $"The storage setting '{name}__{key}' is missing (or set '{name}__accountName' to derive it).");
        }

        var blob = Endpoint("blobServiceUri", "blob");
        var table = Endpoint("tableServiceUri", "table");
        var queue = Endpoint("queueServiceUri", "queue");
        values.TryGetValue("clientId", out var clientId);
        values.TryGetValue("tenantId", out var tenantId);
        TokenCredential credential;
        if (values.TryGetValue("credential", out var kind))
        {
            if (!string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageConfigurationException(
                    $"The storage setting '{name}__credential' must be 'managedidentity' (or absent for DefaultAzureCredential).");
            }

            credential = new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        else
        {
            var options = new DefaultAzureCredentialOptions();
            if (!string.IsNullOrWhiteSpace(clientId))
            {
                options.ManagedIdentityClientId = clientId;
            }

            if (!string.IsNullOrWhiteSpace(tenantId))
            {
                options.TenantId = tenantId;
            }

            credential = new DefaultAzureCredential(options);
        }

        return new StorageConnection(blob, table, queue, accountName, new StorageAuthorization.Bearer(credential));
    }

    private static StorageConnection Parse(string connectionString, string source)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException($"The storage {source} is empty.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The segment could be a pasted key: report its position, never its text.
                throw new StorageConfigurationException(
                    $"The storage {source} is malformed: segment {i + 1} is not of the form Name=Value.");
            }

            var key = segments[i][..equals].Trim();
            var value = segments[i][(equals + 1)..].Trim();
            var known = s_knownKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw new StorageConfigurationException(
                    $"The storage {source} has an unknown setting '{key}'. Known: {string.Join(", ", s_knownKeys)}.");
            }

            if (!settings.TryAdd(known, value))
            {
                throw new StorageConfigurationException($"The storage {source} sets '{known}' more than once.");
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!string.Equals(useDev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageConfigurationException($"The storage {source} setting 'UseDevelopmentStorage' must be 'true'.");
            }

            var extra = settings.Keys.FirstOrDefault(k => k is not ("UseDevelopmentStorage" or "DevelopmentStorageProxyUri"));
            if (extra is not null)
            {
                throw new StorageConfigurationException(
                    $"The storage {source} setting '{extra}' cannot be combined with 'UseDevelopmentStorage=true'.");
            }

            var host = new Uri("http://127.0.0.1");
            if (settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
            {
                host = ParseEndpoint(proxy, "DevelopmentStorageProxyUri");
            }

            Uri Dev(int port) => new UriBuilder(host.Scheme, host.Host, port, DevelopmentStorage.AccountName).Uri;
            return new StorageConnection(
                Dev(DevelopmentStorage.BlobPort), Dev(DevelopmentStorage.TablePort), Dev(DevelopmentStorage.QueuePort),
                DevelopmentStorage.AccountName,
                new StorageAuthorization.SharedKey(DevelopmentStorage.AccountName, Convert.FromBase64String(DevelopmentStorage.AccountKey)));
        }

        if (settings.ContainsKey("DevelopmentStorageProxyUri"))
        {
            throw new StorageConfigurationException($"The storage {source} setting 'DevelopmentStorageProxyUri' needs 'UseDevelopmentStorage=true'.");
        }

        settings.TryGetValue("AccountName", out var accountName);
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw new StorageConfigurationException($"The storage {source} setting 'DefaultEndpointsProtocol' must be 'http' or 'https'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri ServiceEndpoint(string key, string service)
        {
            if (settings.TryGetValue(key, out var explicitEndpoint))
            {
                return ParseEndpoint(explicitEndpoint, key);
            }

            if (string.IsNullOrWhiteSpace(accountName))
            {
                throw new StorageConfigurationException(
                    $"The storage {source} needs 'AccountName' or an explicit '{key}'.");
            }

            return ParseEndpoint($"{protocol}://{accountName}.{service}.{suffix}", "EndpointSuffix");
        }

        var blob = ServiceEndpoint("BlobEndpoint", "blob");
        var table = ServiceEndpoint("TableEndpoint", "table");
        var queue = ServiceEndpoint("QueueEndpoint", "queue");

        StorageAuthorization authorization;
        if (settings.TryGetValue("AccountKey", out var accountKey))
        {
            if (settings.ContainsKey("SharedAccessSignature"))
            {
                throw new StorageConfigurationException($"The storage {source} sets both 'AccountKey' and 'SharedAccessSignature'; keep one.");
            }

            if (string.IsNullOrWhiteSpace(accountName))
            {
                throw new StorageConfigurationException($"The storage {source} has 'AccountKey' but no 'AccountName'.");
            }

            byte[] key;
            try
            {
                key = Convert.FromBase64String(accountKey);
            }
            catch (FormatException)
            {
                throw new StorageConfigurationException($"The storage {source} setting 'AccountKey' is not valid base64.");
            }

            if (key.Length == 0)
            {
                throw new StorageConfigurationException($"The storage {source} setting 'AccountKey' is empty.");
            }

            authorization = new StorageAuthorization.SharedKey(accountName, key);
        }
        else if (settings.TryGetValue("SharedAccessSignature", out var sas))
        {
            sas = sas.TrimStart('?');
            if (sas.Length == 0 || !sas.Contains("sig=", StringComparison.Ordinal))
            {
                throw new StorageConfigurationException($"The storage {source} setting 'SharedAccessSignature' has no 'sig=' parameter.");
            }

            authorization = new StorageAuthorization.SharedAccessSignature(sas);
        }
        else
        {
            throw new StorageConfigurationException(
                $"The storage {source} needs 'AccountKey' or 'SharedAccessSignature' (or use the identity settings).");
        }

        return new StorageConnection(blob, table, queue, accountName, authorization);
    }

    private static Uri ParseEndpoint(string text, string setting)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new StorageConfigurationException($"The storage setting '{setting}' must be an absolute http(s) URI.");
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            throw new StorageConfigurationException($"The storage setting '{setting}' must not have a query (put a SAS in 'SharedAccessSignature').");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
