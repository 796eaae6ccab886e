using System.Security.Cryptography;
using System.Text;
using Azure;
using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SharedAccessSignatureTests(AzuriteFixture azurite)
{
    // Account SAS string-to-sign for sv >= 2020-12-06 (from the documented "Create an account SAS" rules): account,
    // permissions, services, resource types, start, expiry, IP, protocol, version, encryption scope, each followed by \n.
    private static string AccountSas(string permissions, string expiry)
    {
        const string version = "2025-01-05";
        var stringToSign = string.Join('\n', AzuriteFixture.AccountName, permissions, "bt", "sco", "", expiry, "", "https,http", version, "") + "\n";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(AzuriteFixture.AccountKey), Encoding.UTF8.GetBytes(stringToSign)));
        return $"sv={version}&ss=bt&srt=sco&sp={permissions}&se={Uri.EscapeDataString(expiry)}&spr=https,http&sig={Uri.EscapeDataString(signature)}";
    }

    private string SasConnectionString(string sas) =>
        $"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/{AzuriteFixture.AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/{AzuriteFixture.AccountName};SharedAccessSignature={sas}";

    [Fact]
    public async Task SharedAccessSignature_ValidAccountSas_AuthorizesBlobAndTableCalls()
    {
        var connection = StorageConnection.Parse(SasConnectionString(AccountSas("rwdlacu", "2099-01-01T00:00:00Z")));
        var container = connection.CreateBlobServiceClient().GetBlobContainerClient("sas-container");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("a b#c.txt");

        await blob.UploadAsync(BinaryData.FromString("via sas"));
        var table = connection.CreateTableServiceClient().GetTableClient("sastable");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        Assert.Equal("via sas", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(1, (await table.GetEntityAsync("p", "r")).Value.GetInt32("V"));
        Assert.Single(await container.GetBlobsAsync().ToListAsync());
    }

    [Fact]
    public async Task SharedAccessSignature_ReadOnlySas_RejectsWrites()
    {
        var connection = StorageConnection.Parse(SasConnectionString(AccountSas("rl", "2099-01-01T00:00:00Z")));
        var container = connection.CreateBlobServiceClient().GetBlobContainerClient("sas-readonly");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
    }
}
