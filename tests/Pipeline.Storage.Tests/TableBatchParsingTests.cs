using Pipeline.Storage.Tables;
using Xunit;

namespace Pipeline.Storage.Tests;

// Response shapes written from the documented entity-group-transaction format (no web access): a changeset response
// with one part per operation on success, a single part with the error on failure, whose message starts "N:" with the
// 0-based index of the failing operation.
public sealed class TableBatchParsingTests
{
    private const string Success =
        "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nX-Content-Type-Options: nosniff\r\nETag: W/\"datetime'2026-11-21T22%3A00%3A00.1Z'\"\r\n\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nETag: W/\"datetime'2026-11-21T22%3A00%3A00.2Z'\"\r\n\r\n\r\n" +
        "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

    private const string Failure =
        "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 409 Conflict\r\nContent-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n" +
        "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"7:The specified entity already exists.\\nRequestId:abc\"}}}\r\n" +
        "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

    [Fact]
    public void Parse_SuccessfulChangeset_OneResponsePerOperationWithETags()
    {
        var items = TableBatch.Parse("multipart/mixed; boundary=batchresponse_1", Success);

        Assert.Equal([204, 204], items.Select(i => i.Status));
        Assert.Equal("W/\"datetime'2026-11-21T22%3A00%3A00.2Z'\"", items[1].Headers.ETag.ToString());
    }

    [Fact]
    public void Parse_FailedChangeset_ReportsCodeMessageAndIndex()
    {
        var failure = Assert.Single(TableBatch.Parse("multipart/mixed; boundary=batchresponse_1", Failure));

        var (code, message, index) = TableBatch.DescribeFailure(failure);

        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", code);
        Assert.StartsWith("7:The specified entity already exists.", message, StringComparison.Ordinal);
        Assert.Equal(7, index);
    }

    [Fact]
    public void Parse_BareLineFeeds_AreAcceptedToo()
    {
        var items = TableBatch.Parse("multipart/mixed; boundary=\"batchresponse_1\"", Success.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(2, items.Count);
    }
}
