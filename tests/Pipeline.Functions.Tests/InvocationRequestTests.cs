using System.Text;
using System.Text.Json;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Protocol;

namespace Pipeline.Functions.Tests;

/// <summary>Parsing the host's invocation payloads, whose metadata values are often JSON-in-JSON strings.</summary>
public sealed class InvocationRequestTests
{
    private const string HostPayload = """
        {
          "Data": { "article": "SGVsbG8sIHdvcmxkLg==" },
          "Metadata": {
            "name": "\"aljazeera/story #1?.txt\"",
            "Uri": "\"http://127.0.0.1:10000/devstoreaccount1/articles/aljazeera/story%20%231%3F.txt\"",
            "Properties": "{\"ETag\":\"\\\"0x8DCAFE\\\"\",\"Length\":13,\"ContentType\":\"text/plain\"}",
            "Metadata": "{\"outlet\":\"Al Jazeera\"}",
            "sys": "{\"MethodName\":\"NormalizeArticle\",\"UtcNow\":\"2024-01-01T00:00:00Z\"}"
          }
        }
        """;

    [Fact]
    public void Parse_HostShapedPayload_UnwrapsJsonInJson()
    {
        var request = JsonSerializer.Deserialize<InvocationRequest>(HostPayload)!;
        Assert.Equal("aljazeera/story #1?.txt", request.MetadataString("name"));
        Assert.Equal("\"0x8DCAFE\"", request.MetadataProperty("Properties", "ETag"));
        Assert.Equal("13", request.MetadataProperty("Properties", "length"));
        Assert.Equal("Al Jazeera", request.MetadataDictionary("Metadata")["outlet"]);
        Assert.Equal("NormalizeArticle", request.MetadataProperty("sys", "MethodName"));
        Assert.Equal("Hello, world.", Encoding.UTF8.GetString(request.DataBytes("article")!));
        Assert.Null(request.DataBytes("missing"));
        Assert.True(ETags.Same("0x8DCAFE", request.MetadataProperty("Properties", "ETag")));
    }

    [Fact]
    public void Parse_PlainObjectsAndStrings_AreAcceptedToo()
    {
        var request = JsonSerializer.Deserialize<InvocationRequest>("""{"Data":{"article":"not base64 at all!"},"Metadata":{"name":"plain.txt","Properties":{"ETag":"x","Length":5}}}""")!;
        Assert.Equal("plain.txt", request.MetadataString("name"));
        Assert.Equal("5", request.MetadataProperty("Properties", "Length"));
        Assert.Equal("not base64 at all!", Encoding.UTF8.GetString(request.DataBytes("article")!));
        Assert.Empty(request.MetadataDictionary("Metadata"));
    }

    [Theory]
    [InlineData("aljazeera/story.txt", null, "aljazeera")]
    [InlineData("story.txt", null, "story.txt")]
    [InlineData("/story.txt", null, "story.txt")]
    [InlineData("a/b/c.txt", "Reuters", "Reuters")]
    public void Outlet_FromMetadataThenPathThenName(string name, string? outlet, string expected)
    {
        var metadata = outlet is null ? null : new Dictionary<string, string> { ["Outlet"] = outlet };
        Assert.Equal(expected, Outlet.Of(name, metadata));
    }

    [Fact]
    public void InvocationResponse_Serializes_InTheHostsShape()
    {
        var json = JsonSerializer.Serialize(InvocationResponse.WithLogs(["done"]), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal("""{"Outputs":{},"Logs":["done"],"ReturnValue":null}""", json);
    }
}
