using Azure;
using Pipeline.Storage.Blobs;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobClientTests(AzuriteFixture azurite)
{
    public static TheoryData<string> AwkwardNames => new()
    {
        "plain.txt",
        "with space/and more spaces.html",
        "hash#and?question%percent&amp=eq+plus",
        "ünïcödé/日本語/🙂.json",
        "deep/a/b/c/d/e/f.txt",
        "semi;colon,comma'quote\"dq(paren)[bracket]{brace}~tilde!bang@at$dollar",
        "%2F-looks-escaped%20already",
    };

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public async Task UploadAsync_AwkwardNameWithMetadata_RoundTripsContentPropertiesAndListing(string name)
    {
        var container = await Clients.NewContainerAsync(azurite);
        var blob = container.GetBlobClient(name);
        var content = BinaryData.FromString("<p>Grüße — " + name + "</p>");
        var uploaded = await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" },
            Metadata = new Dictionary<string, string> { ["outlet"] = "Example Times", ["fetched_at"] = "2026-11-21T10:00:00Z" },
        });

        var download = await blob.DownloadContentAsync();
        Assert.Equal(content.ToArray(), download.Value.Content.ToArray());
        Assert.Equal("text/html; charset=utf-8", download.Value.Details.ContentType);
        Assert.Equal("Example Times", download.Value.Details.Metadata["outlet"]);
        Assert.Equal(uploaded.Value.ETag, download.Value.Details.ETag);
        Assert.Equal(content.ToArray().Length, download.Value.Details.ContentLength);

        var properties = await blob.GetPropertiesAsync();
        Assert.Equal(uploaded.Value.ETag, properties.Value.ETag);
        Assert.Equal("2026-11-21T10:00:00Z", properties.Value.Metadata["fetched_at"]);
        Assert.Equal(content.ToArray().Length, properties.Value.ContentLength);

        var listed = Assert.Single(await container.GetBlobsAsync().ToListAsync());
        Assert.Equal(name, listed.Name);
        Assert.Equal("Example Times", listed.Metadata["outlet"]);
        Assert.Equal(uploaded.Value.ETag, listed.Properties.ETag);
        Assert.Equal("text/html; charset=utf-8", listed.Properties.ContentType);
    }

    [Fact]
    public async Task UploadAsync_IfNoneMatchAllOnExistingBlob_Throws409BlobAlreadyExists()
    {
        var container = await Clients.NewContainerAsync(azurite);
        var blob = container.GetBlobClient("once.txt");
        var onlyIfNew = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await blob.UploadAsync(BinaryData.FromString("first"), onlyIfNew);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second"), onlyIfNew));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_StaleIfMatch_Throws412ConditionNotMetAndKeepsNewerContent()
    {
        var container = await Clients.NewContainerAsync(azurite);
        var blob = container.GetBlobClient("versioned.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        await blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task DownloadContentAsync_MissingBlob_Throws404BlobNotFoundWithRequestId()
    {
        var container = await Clients.NewContainerAsync(azurite);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing.txt").DownloadContentAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
        Assert.Matches("x-ms-request-id: [0-9a-fA-F-]{8,}", error.Message);
    }

    [Fact]
    public async Task DeleteIfExistsAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var container = await Clients.NewContainerAsync(azurite);
        var blob = container.GetBlobClient("a/b c.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        Assert.True((await blob.ExistsAsync()).Value);

        Assert.True((await container.DeleteBlobIfExistsAsync("a/b c.txt")).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_SecondReturnsNullAndContainerExists()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("twice");
        Assert.False((await container.ExistsAsync()).Value);

        Assert.NotNull(await container.CreateIfNotExistsAsync());
        Assert.Null(await container.CreateIfNotExistsAsync());
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task GetBlobsAsync_MoreThan5000Blobs_PagesThroughAllInNameOrderAndResumesFromMarker()
    {
        var container = await Clients.NewContainerAsync(azurite);
        const int count = 5_100;
        var names = Enumerable.Range(0, count).Select(i => $"articles/{i:D5}.html").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name), cancellationToken: ct));
        await container.GetBlobClient("other/outside-prefix.txt").UploadAsync(BinaryData.FromString("x"));

        var all = await container.GetBlobsAsync("articles/").ToListAsync();
        Assert.Equal(names, all.Select(b => b.Name));

        var pages = await container.GetBlobsAsync("articles/").AsPages(pageSizeHint: 1_000).ToListAsync();
        Assert.Equal(6, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(1_000, p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);

        // A marker from page 3 resumes exactly where page 3 ended.
        var resumed = await container.GetBlobsAsync("articles/").AsPages(pages[2].ContinuationToken, 1_000).ToListAsync();
        Assert.Equal(names.Skip(3_000), resumed.SelectMany(p => p.Values).Select(b => b.Name));
    }

    [Fact]
    public void GetBlobClient_InvalidNames_ThrowArgumentExceptionBeforeAnyRequest()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("valid-name");

        Assert.Throws<ArgumentException>(() => container.GetBlobClient("ends-with-dot."));
        Assert.Throws<ArgumentException>(() => container.GetBlobClient("a/../b"));
        Assert.Throws<ArgumentException>(() => container.GetBlobClient(new string('x', 1025)));
        Assert.Throws<ArgumentException>(() => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("Upper_Case"));

        // The same verdicts without an exception, for names listed from the service that no URL can reach.
        Assert.Contains("'..'", BlobContainerClient.BlobNameProblem("a/../b"), StringComparison.Ordinal);
        Assert.Contains("1,024", BlobContainerClient.BlobNameProblem(new string('x', 1025)), StringComparison.Ordinal);
        Assert.NotNull(BlobContainerClient.BlobNameProblem("ends-with-dot."));
        Assert.Null(BlobContainerClient.BlobNameProblem("outlet/a..b #?%.txt"));
    }

    [Fact]
    public async Task UploadAsync_NonAsciiMetadataValue_ThrowsArgumentExceptionNamingIt()
    {
        var container = await Clients.NewContainerAsync(azurite);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => container.GetBlobClient("m.txt").UploadAsync(
            BinaryData.FromString("x"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["title"] = "Grüße" } }));

        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadAsync_WrongAccountKey_Throws403AuthorizationFailure()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, wrongKey, StringComparison.Ordinal);
        var container = new BlobServiceClient(connection).GetBlobContainerClient("forbidden");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
    }
}
