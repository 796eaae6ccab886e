using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

[Collection(PublishedAppCollection.Name)]
public sealed class DeployDocTests(PublishedAppFixture published)
{
    private static readonly string Doc = Repo.ReadText("docs", "deploy.md");

    [Theory]
    [InlineData("## Deploy to Azure")]
    [InlineData("azd auth login")]
    [InlineData("az login")]
    [InlineData("azd env new")]
    [InlineData("azd up")]
    [InlineData("azd down --purge")]
    [InlineData("az storage blob upload")]
    [InlineData("--auth-mode login")]
    [InlineData("az functionapp keys list")]
    [InlineData("x-functions-key")]
    [InlineData("dotnet-isolated")]
    [InlineData("func start")]
    [InlineData("Azurite")]
    [InlineData("-p:BlobTriggerSource=LogsAndContainerScan")]
    [InlineData("/runtime/webhooks/blobs?functionName=Host.Functions.")]
    public void Doc_Lifecycle_IsCovered(string expected)
    {
        Assert.Contains(expected, Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_EveryAzdEnvSet_IsAParameterTheTemplateReads()
    {
        var mapped = JsonNode.Parse(Repo.ReadText("infra", "main.parameters.json"))!["parameters"]!.AsObject()
            .Select(pair => Regex.Match((string?)pair.Value!["value"] ?? "", @"^\$\{(\w+)").Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var set = Regex.Matches(Doc, @"azd env set (\w+)").Select(match => match.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(set);
        Assert.All(set, name => Assert.True(mapped.Contains(name) || name == "AZURE_LOCATION", $"docs set {name}, which main.parameters.json never reads"));
    }

    [Fact]
    public void Doc_UploadContainer_IsTheNormalizeTrigger()
    {
        var inbox = FunctionApp.ContainerOf(published.Default.Trigger("NormalizeArticle"));

        Assert.Matches($@"az storage blob upload[^\n]*(\\\n[^\n]*)*--container-name {inbox}\b", Doc);
    }

    [Theory]
    [InlineData("prepackage")]
    [InlineData("UseEventGridBlobSource")]
    [InlineData("customHandler")]
    [InlineData("custom handler")]
    [InlineData("function.json")]
    [InlineData("language: custom")]
    [InlineData("artifacts/api")]
    public void Doc_RemovedCustomHandlerPackaging_IsNotDescribed(string stale)
    {
        Assert.DoesNotContain(stale, Doc, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Doc_EveryRepositoryPathItNames_Exists()
    {
        // Paths under the repository's folders, and the root files the deployment reads; generated files (functions.metadata,
        // worker.config.json) are named bare and are checked against the publish output by PublishOutputTests instead.
        var paths = Regex.Matches(Doc, @"`(?<path>(?:infra|scripts|src|tests|docs|seeds)/[\w./-]*|azure\.yaml|local\.settings\.sample\.json)`")
            .Select(match => match.Groups["path"].Value.TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(paths);

        Assert.All(paths, path => Assert.True(
            File.Exists(Repo.File(path.Split('/'))) || Directory.Exists(Repo.File(path.Split('/'))),
            $"docs/deploy.md names `{path}`, which is not in the repository"));
    }
}
