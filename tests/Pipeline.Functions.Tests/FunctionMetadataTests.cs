using System.Text.Json.Nodes;

namespace Pipeline.Functions.Tests;

/// <summary>The function metadata the Worker SDK generated for the build this test runs against (copied next to it).</summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<JsonArray> s_metadata = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK did not generate function metadata.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    });

    [Theory]
    [InlineData("NormalizeArticle", "articles/{name}")]
    [InlineData("AlignArticle", "normalized/{name}")]
    public void BlobTrigger_PathConnectionAndSource_AreWhatTheDeploymentExpects(string function, string path)
    {
        var trigger = Trigger(function);
        Assert.Equal("blobTrigger", (string?)trigger["type"]);
        Assert.Equal(path, (string?)trigger["path"]);
        Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
        Assert.Equal("EventGrid", (string?)trigger["source"]);
    }

    [Theory]
    [InlineData("ListArticles", "articles", "Function")]
    [InlineData("GetArticle", "articles/{*name}", "Function")]
    [InlineData("ListAlignments", "alignments", "Function")]
    [InlineData("ListClusters", "clusters", "Function")]
    [InlineData("GetCluster", "clusters/{id}", "Function")]
    [InlineData("Health", "health", "Function")]
    [InlineData("OpenApi", "openapi.json", "Function")]
    [InlineData("Viewer", "viewer/{*path}", "Anonymous")]
    public void HttpTrigger_RouteAndAuthLevel_KeepTheApiContract(string function, string route, string authLevel)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal(authLevel, (string?)trigger["authLevel"]);
        Assert.Equal(["get"], trigger["methods"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public void Functions_AreExactlyTheTwoTriggersAndTheApi()
    {
        var names = s_metadata.Value.Select(f => (string?)f!["name"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["AlignArticle", "GetArticle", "GetCluster", "Health", "ListAlignments", "ListArticles", "ListClusters", "NormalizeArticle", "OpenApi", "Viewer"],
            names);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "worker.config.json")), "worker.config.json is missing");
    }

    private static JsonObject Trigger(string function)
    {
        var entry = s_metadata.Value.Select(f => f!.AsObject()).SingleOrDefault(f => (string?)f["name"] == function);
        Assert.True(entry is not null, $"no function named {function} in functions.metadata");
        return entry!["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));
    }
}
