using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

public sealed class StorageConnectionTests
{
    private const string Key = AzuriteFixture.AccountKey;

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Parse_UseDevelopmentStorage_UsesEmulatorAccountAndPorts()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", connection.QueueEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", connection.TableEndpoint.AbsoluteUri);
        var key = Assert.IsType<StorageAuthorization.SharedKey>(connection.Authorization);
        Assert.Equal("devstoreaccount1", key.AccountName);
        Assert.Equal(Convert.FromBase64String(Key), key.Key);
    }

    [Fact]
    public void Parse_DevelopmentStorageProxyUri_UsesProxyHostWithEmulatorPorts()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal("http://azurite.local:10000/devstoreaccount1", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://azurite.local:10002/devstoreaccount1", connection.TableEndpoint.AbsoluteUri);
    }

    [Fact]
    public void Parse_AccountKeyAndSuffix_DerivesEndpoints()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=news;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("https://news.blob.core.chinacloudapi.cn/", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("https://news.table.core.chinacloudapi.cn/", connection.TableEndpoint.AbsoluteUri);
        Assert.Equal("news", connection.AccountName);
        Assert.DoesNotContain(Key, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_OverrideDerivedOnes()
    {
        var connection = StorageConnection.Parse(
            $"AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1/;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1");

        Assert.Equal("http://127.0.0.1:5000/devstoreaccount1", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5002/devstoreaccount1", connection.TableEndpoint.AbsoluteUri);
    }

    [Fact]
    public void Parse_SharedAccessSignature_UsesSasWithoutLeadingQuestionMark()
    {
        var connection = StorageConnection.Parse("BlobEndpoint=https://news.blob.core.windows.net;TableEndpoint=https://news.table.core.windows.net;SharedAccessSignature=?sv=2025-01-05&sig=abc%3D");

        var sas = Assert.IsType<StorageAuthorization.SharedAccessSignature>(connection.Authorization);
        Assert.Equal("sv=2025-01-05&sig=abc%3D", sas.Token);
    }

    [Theory]
    [InlineData("AccountName=a;AccountKey=" + Key + ";Bogus=1", "'Bogus'")]
    [InlineData("AccountName=a;AccountKey=not*base64!!", "'AccountKey'")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";AccountName=b", "'AccountName' more than once")]
    [InlineData("AccountName=a", "'AccountKey' or 'SharedAccessSignature'")]
    [InlineData("AccountKey=" + Key, "'AccountName'")]
    [InlineData("UseDevelopmentStorage=yes", "'UseDevelopmentStorage'")]
    [InlineData("UseDevelopmentStorage=true;AccountName=a", "'AccountName'")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";BlobEndpoint=ftp://x", "'BlobEndpoint'")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=gopher", "'DefaultEndpointsProtocol'")]
    [InlineData("", "empty")]
    public void Parse_BadSetting_ThrowsNamingTheSettingWithoutTheKey(string connectionString, string expected)
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SegmentWithoutEquals_ReportsPositionNotText()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.Parse("AccountName=a;" + Key));

        Assert.Contains("segment 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_PlainConnectionString_ParsesIt()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal(10000, connection.BlobEndpoint.Port);
    }

    [Fact]
    public void FromConfiguration_ConnectionStringsSection_IsUsedWhenThePlainSettingIsAbsent()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("ConnectionStrings:Articles", "UseDevelopmentStorage=true")), "Articles");

        Assert.Equal(10002, connection.TableEndpoint.Port);
    }

    [Fact]
    public void FromConfiguration_IdentityFormWithManagedIdentity_UsesServiceUrisAndBearerTokens()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://news.blob.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://news.table.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://news.queue.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Equal("https://news.blob.core.windows.net/", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("https://news.table.core.windows.net/", connection.TableEndpoint.AbsoluteUri);
        var bearer = Assert.IsType<StorageAuthorization.Bearer>(connection.Authorization);
        Assert.IsType<ManagedIdentityCredential>(bearer.Credential);
        Assert.NotNull(connection.CreateBlobServiceClient());
        Assert.NotNull(connection.CreateTableServiceClient());
    }

    [Fact]
    public void FromConfiguration_AccountNameOnly_DerivesEndpointsAndUsesDefaultCredential()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(("Storage:accountName", "news")), "Storage");

        Assert.Equal("https://news.table.core.windows.net/", connection.TableEndpoint.AbsoluteUri);
        Assert.IsType<DefaultAzureCredential>(Assert.IsType<StorageAuthorization.Bearer>(connection.Authorization).Credential);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:blobServiceUrl", "https://x", "'AzureWebJobsStorage__blobServiceUrl'")]
    [InlineData("AzureWebJobsStorage:credential", "password", "'AzureWebJobsStorage__credential'")]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "not a uri", "'AzureWebJobsStorage__blobServiceUri'")]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "https://x.blob.core.windows.net", "'AzureWebJobsStorage__tableServiceUri'")]
    [InlineData("Unrelated", "x", "'AzureWebJobsStorage' is missing")]
    public void FromConfiguration_BadIdentitySettings_ThrowNamingTheSetting(string key, string value, string expected)
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.FromConfiguration(Configuration((key, value))).CreateTableServiceClient());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
