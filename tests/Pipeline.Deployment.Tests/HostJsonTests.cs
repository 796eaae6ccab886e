using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

public sealed class HostJsonTests
{
    [Fact]
    public void RoutePrefix_IsApiAndTheDeployDocUsesIt()
    {
        var host = FunctionApp.HostJson(Repo.FunctionsApp);
        Assert.Equal("api", (string?)host["extensions"]?["http"]?["routePrefix"]);

        var urls = Regex.Matches(Repo.ReadText("docs", "deploy.md"), @"azurewebsites\.net/(?<path>[^\s""'`)]*)")
            .Select(match => match.Groups["path"].Value)
            .ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, path => Assert.Matches("^(api/|runtime/webhooks/)", path));
    }

    [Fact]
    public void ExtensionBundle_IsTheV4Range()
    {
        var bundle = FunctionApp.HostJson(Repo.FunctionsApp)["extensionBundle"];

        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)bundle?["id"]);
        Assert.Equal("[4.*, 5.0.0)", (string?)bundle?["version"]);
    }

    [Fact]
    public void CustomHandlerExecutable_IsTheAssemblyTheHooksPackage()
    {
        var host = FunctionApp.HostJson(Repo.FunctionsApp);
        var executable = (string?)host["customHandler"]?["description"]?["defaultExecutablePath"];
        var project = Path.Combine(Repo.FunctionsApp, "Pipeline.Functions.csproj");
        var assemblyName = XDocument.Load(project).Descendants("AssemblyName").SingleOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(project);

        Assert.Equal(assemblyName, executable);
        Assert.Contains($"chmod +x \"$dist/{executable}\"", Repo.ReadText("scripts", "deploy", "prepackage.sh"), StringComparison.Ordinal);
        Assert.Contains("Pipeline.Functions.csproj", Repo.ReadText("scripts", "deploy", "prepackage.ps1"), StringComparison.Ordinal);
    }
}
