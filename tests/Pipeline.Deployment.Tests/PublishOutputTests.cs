using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

/// <summary>
/// The folder azd deploys is the plain <c>dotnet publish -c Release</c> output of src/Pipeline.Functions (azure.yaml:
/// language dotnet, host function). These tests publish it for real and read what the Functions host will read.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class PublishOutputTests(PublishedAppFixture published)
{
    [Fact]
    public void Publish_Output_IsAnIsolatedWorkerAppRoot()
    {
        var app = published.Default;

        Assert.Equal(File.ReadAllText(Path.Combine(Repo.FunctionsApp, "host.json")), File.ReadAllText(Path.Combine(app.Folder, "host.json")));

        var worker = app.WorkerConfig["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        var assemblyName = XDocument.Load(Path.Combine(Repo.FunctionsApp, "Pipeline.Functions.csproj")).Descendants("AssemblyName").Single().Value;
        Assert.Equal($"{assemblyName}.dll", (string?)worker["defaultWorkerPath"]);
        Assert.True(File.Exists(Path.Combine(app.Folder, (string)worker["defaultWorkerPath"]!)), "worker.config.json names a worker the package lacks");

        foreach (var function in app.Metadata.OfType<JsonObject>())
        {
            var scriptFile = (string?)function["scriptFile"];
            Assert.True(scriptFile is not null && File.Exists(Path.Combine(app.Folder, scriptFile)), $"{function["name"]}: scriptFile '{scriptFile}' is not in the package");
        }

        // The viewer's static files ship with the app.
        Assert.True(File.Exists(Path.Combine(app.Folder, "wwwroot", "index.html")), "wwwroot/index.html is missing from the package");
        Assert.False(File.Exists(Path.Combine(app.Folder, "local.settings.json")), "local settings must not ship");
        Assert.Empty(Directory.GetFiles(app.Folder, "function.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Publish_RuntimeConfig_TurnsOffDynamicPgo()
    {
        // A fresh instance spends a third of its CPU recompiling instrumented methods otherwise (the csproj says why).
        var app = published.Default;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(app.Folder, "Pipeline.Functions.runtimeconfig.json")))!;

        Assert.False((bool?)config["runtimeOptions"]!["configProperties"]!["System.Runtime.TieredPGO"] ?? true, "the published runtimeconfig.json leaves dynamic PGO on");
    }

    [Fact]
    public void Publish_Extensions_BringTheBlobsExtensionTheHostLoads()
    {
        // No extension bundle in host.json: the worker's extensions.json names the WebJobs extensions the host loads.
        var app = published.Default;
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(app.Folder, "extensions.json")))!["extensions"]!.AsArray()
            .OfType<JsonObject>().ToList();

        var blobs = Assert.Single(extensions, extension => (string?)extension["name"] == "AzureStorageBlobs");
        var hintPath = (string)blobs["hintPath"]!;
        Assert.True(File.Exists(Path.Combine(app.Folder, hintPath)), $"extensions.json points at {hintPath}, which the package lacks");
    }

    [Fact]
    public void Publish_Functions_AreBothBlobTriggersAndEveryHttpFunction()
    {
        var expected = AppContract.BlobTriggers.Keys.Concat(AppContract.HttpFunctions.Keys).Order(StringComparer.Ordinal);

        Assert.Equal(expected, published.Default.FunctionNames);
    }

    [Fact]
    public void BlobTriggers_DefaultBuild_UseTheEventGridSource()
    {
        var triggers = published.Default.BlobTriggers;

        Assert.Equal(AppContract.BlobTriggers.Keys.Order(StringComparer.Ordinal), triggers.Select(trigger => trigger.Function).Order(StringComparer.Ordinal));
        foreach (var trigger in triggers)
        {
            Assert.Equal(AppContract.BlobTriggers[trigger.Function], trigger.Path);
            Assert.Equal("AzureWebJobsStorage", trigger.Connection);
            Assert.Equal("EventGrid", trigger.Source);
        }
    }

    [Fact]
    public void BlobTriggers_PollingBuild_UseLogsAndContainerScanAndNothingElseChanges()
    {
        Assert.All(published.Polling.BlobTriggers, trigger => Assert.Equal("LogsAndContainerScan", trigger.Source));
        Assert.Equal(AppContract.BlobTriggers.Count, published.Polling.BlobTriggers.Count);

        Assert.True(JsonNode.DeepEquals(WithoutBlobSources(published.Default.Metadata), WithoutBlobSources(published.Polling.Metadata)),
            "the BlobTriggerSource property must change the blob triggers' source and nothing else in functions.metadata");
    }

    [Fact]
    public void HttpFunctions_RoutesAndAuthLevels_AreTheApiContract()
    {
        var triggers = published.Default.HttpTriggers;

        Assert.Equal(AppContract.HttpFunctions.Keys.Order(StringComparer.Ordinal), triggers.Select(trigger => trigger.Function).Order(StringComparer.Ordinal));
        foreach (var trigger in triggers)
        {
            var (route, authLevel) = AppContract.HttpFunctions[trigger.Function];
            Assert.Equal((trigger.Function, route, authLevel), (trigger.Function, trigger.Route, trigger.AuthLevel));
            Assert.Equal(["get"], trigger.Methods);
        }
    }

    [Fact]
    public void DeployDoc_EveryApiUrl_MatchesAPublishedRoute()
    {
        var routes = published.Default.HttpTriggers.Select(trigger => RouteRegex(trigger.Route!)).ToList();
        var paths = Regex.Matches(Repo.ReadText("docs", "deploy.md"), @"azurewebsites\.net/api/(?<path>[^\s""'`)?]*)")
            .Select(match => match.Groups["path"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.True(routes.Any(route => route.IsMatch(path)), $"docs/deploy.md calls /api/{path}, which no function serves"));
    }

    [Fact]
    public void WorkerTargetFramework_IsTheFlexRuntimeVersion()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Default.Folder, "Pipeline.Functions.runtimeconfig.json")))!;
        var tfm = (string)runtimeConfig["runtimeOptions"]!["tfm"]!;
        var runtime = BicepFile.Load("infra", "app", "api.bicep").ResourcesOfType("Microsoft.Web/sites").Single(resource => !resource.Existing)
            .Properties.Path("properties.functionAppConfig.runtime");

        Assert.Equal($"net{runtime.String("version")}", tfm);
        Assert.Equal((string?)published.Default.WorkerConfig["description"]!["language"], runtime.String("name"));
    }

    /// <summary>"articles/{*name}" → ^articles/.+$; "clusters/{id}" → ^clusters/[^/]+$.</summary>
    private static Regex RouteRegex(string route)
    {
        var pattern = Regex.Replace(Regex.Escape(route), @"\\\{\*\w+}", ".+");
        pattern = Regex.Replace(pattern, @"\\\{\w+}", "[^/]+");
        return new Regex($"^{pattern}$");
    }

    private static JsonArray WithoutBlobSources(JsonArray metadata)
    {
        var copy = metadata.DeepClone().AsArray();
        foreach (var binding in copy.OfType<JsonObject>().SelectMany(function => function["bindings"]!.AsArray().OfType<JsonObject>()))
        {
            if ((string?)binding["type"] == "blobTrigger")
            {
                binding.Remove("source");
            }
        }

        return copy;
    }
}
