using Azure.Core;
using Azure.Core.Pipeline;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Http;
using Xunit;

namespace Pipeline.Storage.Tests;

// Cases derived from the rules in Microsoft's "Authorize with Shared Key" REST documentation (written from knowledge of the
// documented rules, without web access): the Blob string-to-sign has 12 standard header lines (Date empty when x-ms-date is
// used, Content-Length empty when zero), then the x-ms-* headers lower-cased, sorted, whitespace-unfolded, then
// /account/encoded-path and each query parameter on its own line (name lower-cased, values decoded, sorted, comma-joined).
// The Table variant signs VERB, Content-MD5, Content-Type, Date (x-ms-date's value) and /account/path with only ?comp=.
public sealed class SharedKeyTests
{
    private const string Date = "Sun, 11 Oct 2009 21:49:13 GMT";
    private static readonly HttpPipeline s_pipeline = HttpPipelineBuilder.Build(new BlobClientOptions());

    private static Request NewRequest(RequestMethod method, string uri, params (string Name, string Value)[] headers)
    {
        var request = s_pipeline.CreateMessage().Request;
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        foreach (var (name, value) in headers)
        {
            request.Headers.SetValue(name, value);
        }

        return request;
    }

    [Fact]
    public void BlobStringToSign_GetContainerMetadata_MatchesDocumentedLayout()
    {
        var request = NewRequest(RequestMethod.Get, "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20",
            ("x-ms-date", Date), ("x-ms-version", "2009-09-19"));

        var stringToSign = BlobSharedKeyPolicy.BuildStringToSign(request, "myaccount");

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + Date + "\nx-ms-version:2009-09-19\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20",
            stringToSign);
    }

    [Fact]
    public void BlobStringToSign_RepeatedQueryParameter_SortsAndJoinsValues()
    {
        var request = NewRequest(RequestMethod.Get,
            "https://myaccount.blob.core.windows.net/container?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs",
            ("x-ms-date", Date), ("x-ms-version", "2025-01-05"));

        var stringToSign = BlobSharedKeyPolicy.BuildStringToSign(request, "myaccount");

        Assert.EndsWith("/myaccount/container\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobStringToSign_PutBlobWithHeaders_SignsLengthTypeConditionsAndCanonicalHeaders()
    {
        var request = NewRequest(RequestMethod.Put, "https://myaccount.blob.core.windows.net/mycontainer/a%20b/%23c.txt",
            ("x-ms-version", "2025-01-05"), ("X-MS-Date", Date), ("x-ms-blob-type", "BlockBlob"),
            ("Content-Type", "text/plain; charset=UTF-8"), ("If-Match", "\"0x8CB171BA9E94B0B\""), ("x-ms-meta-Title", "  a   lot\tof   space "));
        request.Content = RequestContent.Create("hello world"u8.ToArray());

        var stringToSign = BlobSharedKeyPolicy.BuildStringToSign(request, "myaccount");

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain; charset=UTF-8\n\n\n\"0x8CB171BA9E94B0B\"\n\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:" + Date + "\nx-ms-meta-title:a lot of space\nx-ms-version:2025-01-05\n" +
            "/myaccount/mycontainer/a%20b/%23c.txt",
            stringToSign);
    }

    [Fact]
    public void BlobStringToSign_EmptyBody_SignsEmptyContentLength()
    {
        var request = NewRequest(RequestMethod.Put, "https://myaccount.blob.core.windows.net/mycontainer?restype=container", ("x-ms-date", Date));
        request.Content = RequestContent.Create(Array.Empty<byte>());

        var stringToSign = BlobSharedKeyPolicy.BuildStringToSign(request, "myaccount");

        Assert.StartsWith("PUT\n\n\n\n\n\n", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobStringToSign_PathStyleEmulator_RepeatsAccountInResource()
    {
        var request = NewRequest(RequestMethod.Get, "http://127.0.0.1:10000/devstoreaccount1/mycontainer/blob", ("x-ms-date", Date));

        Assert.EndsWith("\n/devstoreaccount1/devstoreaccount1/mycontainer/blob", BlobSharedKeyPolicy.BuildStringToSign(request, "devstoreaccount1"), StringComparison.Ordinal);
    }

    [Fact]
    public void TableStringToSign_InsertEntity_MatchesDocumentedLayout()
    {
        var request = NewRequest(RequestMethod.Post, "https://myaccount.table.core.windows.net/mytable",
            ("Content-Type", "application/json"), ("x-ms-date", Date), ("x-ms-version", "2019-02-02"), ("Content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ=="));

        Assert.Equal(
            "POST\nQ2hlY2sgSW50ZWdyaXR5IQ==\napplication/json\n" + Date + "\n/myaccount/mytable",
            TableSharedKeyPolicy.BuildStringToSign(request, "myaccount"));
    }

    [Fact]
    public void TableStringToSign_QueryWithFilterAndComp_KeepsOnlyComp()
    {
        var query = NewRequest(RequestMethod.Get, "https://myaccount.table.core.windows.net/mytable()?$filter=PartitionKey%20eq%20'a'&$top=5", ("x-ms-date", Date));
        var acl = NewRequest(RequestMethod.Get, "https://myaccount.table.core.windows.net/mytable?comp=acl", ("x-ms-date", Date));
        var entity = NewRequest(RequestMethod.Delete, "https://myaccount.table.core.windows.net/mytable(PartitionKey='a%20b',RowKey='it''s')", ("x-ms-date", Date));

        Assert.Equal("GET\n\n\n" + Date + "\n/myaccount/mytable()", TableSharedKeyPolicy.BuildStringToSign(query, "myaccount"));
        Assert.Equal("GET\n\n\n" + Date + "\n/myaccount/mytable?comp=acl", TableSharedKeyPolicy.BuildStringToSign(acl, "myaccount"));
        Assert.Equal("DELETE\n\n\n" + Date + "\n/myaccount/mytable(PartitionKey='a%20b',RowKey='it''s')", TableSharedKeyPolicy.BuildStringToSign(entity, "myaccount"));
    }
}
