namespace Pipeline.Deployment.Tests;

/// <summary>Names the app and the infrastructure must agree on, and the files that express them.</summary>
internal static class AppContract
{
    /// <summary>
    /// Tables the app writes (src/Pipeline.Functions/Storage/PipelineStorage.cs): articles, postings, candidates, alignments, clusters,
    /// receipts. The app source did not expose
    /// them as constants when this list was written; when it does, read them from there instead of this list.
    /// </summary>
    public static readonly IReadOnlyList<string> TableNames = ["articles", "postings", "candidates", "alignments", "clusters", "receipts"];

    /// <summary>Built-in Azure role definition ids (identical in every tenant) by role name.</summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltInRoles = new Dictionary<string, string>
    {
        ["Storage Blob Data Owner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["Storage Blob Data Contributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        ["Storage Table Data Contributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["Storage Queue Data Contributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["Monitoring Metrics Publisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
    };

    /// <summary>
    /// The blob-triggered functions: function name → trigger path. Both use the <c>AzureWebJobsStorage</c> connection and the
    /// Event Grid source in the default build (the contract for Flex Consumption).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BlobTriggers = new Dictionary<string, string>
    {
        ["NormalizeArticle"] = "articles/{name}",
        ["AlignArticle"] = "normalized/{name}",
    };

    /// <summary>The HTTP API: function name → (route relative to host.json's routePrefix, auth level). Every one is GET-only.</summary>
    public static readonly IReadOnlyDictionary<string, (string Route, string AuthLevel)> HttpFunctions =
        new Dictionary<string, (string Route, string AuthLevel)>
        {
            ["ListArticles"] = ("articles", "Function"),
            ["GetArticle"] = ("articles/{*name}", "Function"),
            ["ListAlignments"] = ("alignments", "Function"),
            ["ListClusters"] = ("clusters", "Function"),
            ["GetCluster"] = ("clusters/{id}", "Function"),
            ["Health"] = ("health", "Function"),
            ["OpenApi"] = ("openapi.json", "Function"),
            ["Viewer"] = ("viewer/{*path}", "Anonymous"),
        };

    public const string AppSettingsType = "Microsoft.Web/sites/config";

    /// <summary>The `appsettings` object of the function app, as written in infra/app/api.bicep.</summary>
    public static Reading.BicepObject AppSettings()
    {
        var config = Reading.BicepFile.Load("infra", "app", "api.bicep").ResourcesOfType(AppSettingsType)
            .Single(resource => resource.Properties.String("name") == "appsettings");
        return config.Properties.Object("properties");
    }
}
