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

    private readonly Endpoint _blob;
    private readonly Endpoint _table;
    private readonly Endpoint _queue;

    private StorageConnection(Endpoint blob, Endpoint table, Endpoint queue, string? accountName, StorageAuthorization authorization)
    {
        _blob = blob;
        _table = table;
        _queue = queue;
        AccountName = accountName;
        Authorization = authorization;
    }

    /// <summary>The Blob service endpoint (for Azurite, path-style: http://127.0.0.1:PORT/devstoreaccount1);
    /// throws <see cref="StorageConfigurationException"/> naming the setting when the configuration has none.</summary>
    public Uri BlobEndpoint => _blob.Uri;

    /// <summary>The Table service endpoint; throws <see cref="StorageConfigurationException"/> naming the setting when the configuration has none.</summary>
    public Uri TableEndpoint => _table.Uri;

    /// <summary>The Queue service endpoint; throws <see cref="StorageConfigurationException"/> naming the setting when the configuration has none.</summary>
    public Uri QueueEndpoint => _queue.Uri;

    /// <summary>The account name when it is known (always for key-based connections).</summary>
    public string? AccountName { get; }

    internal StorageAuthorization Authorization { get; }

    /// <summary>Parses a storage connection string; unknown or malformed settings throw <see cref="StorageConfigurationException"/>.</summary>
    public static StorageConnection Parse(string connectionString) => Parse(connectionString, "connection string");

    /// <summary>Reads the Functions-style setting <paramref name="name"/>: a connection string (also under ConnectionStrings:name),
    /// or the identity form <c>name__blobServiceUri</c>, <c>name__tableServiceUri</c>, <c>name__credential</c>, <c>name__clientId</c>.</summary>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var plain = configuration[name];
        if (!string.IsNullOrWhiteSpace(plain))
        {
            return Parse(plain, $"setting '{name}'");
        }

        // The Functions host also looks in the ConnectionStrings section (local.settings.json "ConnectionStrings").
        var fromSection = configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(fromSection))
        {
            return Parse(fromSection, $"setting 'ConnectionStrings:{name}'");
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
    public override string ToString() => $"StorageConnection {{ Blob = {_blob}, Table = {_table}, Auth = {Authorization} }}";

    private static StorageConnection FromIdentitySettings(string name, Dictionary<string, string> values)
    {
        values.TryGetValue("accountName", out var accountName);
        Endpoint ServiceEndpoint(string key, string service)
        {
            if (values.TryGetValue(key, out var text))
            {
                return new Endpoint(ParseEndpoint(text, $"{name}__{key}"), null);
            }

            if (service == "blob" && values.TryGetValue("serviceUri", out var serviceUri))
            {
                return new Endpoint(ParseEndpoint(serviceUri, $"{name}__serviceUri"), null);
            }

            if (!string.IsNullOrWhiteSpace(accountName))
            {
                return new Endpoint(ParseEndpoint($"https://{accountName}.{service}.core.windows.net", $"{name}__accountName"), null);
            }

            return new Endpoint(null, $"The storage setting '{name}__{key}' is missing (or set '{name}__accountName' to derive it).");
        }

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

        var blob = ServiceEndpoint("blobServiceUri", "blob");
        var table = ServiceEndpoint("tableServiceUri", "table");
        var queue = ServiceEndpoint("queueServiceUri", "queue");
        if (blob.Value is null && table.Value is null && queue.Value is null)
        {
            throw new StorageConfigurationException(blob.Missing!);
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
                // A pasted key fragment can look like a name ("...GMGw=="): only echo names that look like setting names.
                var shown = LooksLikeSettingName(key) ? $"'{key}'" : "(name not shown)";
                throw new StorageConfigurationException(
                    $"The storage {source} has an unknown setting {shown} in segment {i + 1}. Known: {string.Join(", ", s_knownKeys)}.");
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

            Endpoint Dev(int port) => new(new UriBuilder(host.Scheme, host.Host, port, DevelopmentStorage.AccountName).Uri, null);
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
        Endpoint ServiceEndpoint(string key, string service)
        {
            if (settings.TryGetValue(key, out var explicitEndpoint))
            {
                return new Endpoint(ParseEndpoint(explicitEndpoint, key), null);
            }

            if (string.IsNullOrWhiteSpace(accountName))
            {
                return new Endpoint(null, $"The storage {source} needs 'AccountName' or an explicit '{key}'.");
            }

            return new Endpoint(ParseEndpoint($"{protocol}://{accountName}.{service}.{suffix}", "EndpointSuffix"), null);
        }

        var blob = ServiceEndpoint("BlobEndpoint", "blob");
        var table = ServiceEndpoint("TableEndpoint", "table");
        var queue = ServiceEndpoint("QueueEndpoint", "queue");
        if (blob.Value is null && table.Value is null && queue.Value is null)
        {
            throw new StorageConfigurationException($"The storage {source} needs 'AccountName' or at least one of 'BlobEndpoint', 'TableEndpoint', 'QueueEndpoint'.");
        }

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

    private static bool LooksLikeSettingName(string name) =>
        name.Length is > 0 and <= 40 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && name.Count(char.IsAsciiDigit) <= 2;

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

    /// <summary>An endpoint, or why the configuration has none (reported when a client for that service is asked for).</summary>
    private sealed record Endpoint(Uri? Value, string? Missing)
    {
        public Uri Uri => Value ?? throw new StorageConfigurationException(Missing!);

        public override string ToString() => Value?.AbsoluteUri ?? "(none)";
    }
}
