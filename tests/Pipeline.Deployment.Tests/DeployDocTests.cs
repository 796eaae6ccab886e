using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

public sealed class DeployDocTests
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
        var inbox = FunctionApp.ContainerOf(FunctionApp.BlobTriggers(Repo.FunctionsApp).Single(trigger => trigger.Function == "NormalizeArticle"));

        Assert.Matches($@"az storage blob upload[^\n]*(\\\n[^\n]*)*--container-name {inbox}\b", Doc);
    }
}
