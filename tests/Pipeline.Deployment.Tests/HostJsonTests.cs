using System.Text.RegularExpressions;
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
    public void HostJson_IsForAnIsolatedWorker_NoCustomHandlerNoBundle()
    {
        var host = FunctionApp.HostJson(Repo.FunctionsApp);

        Assert.Equal("2.0", (string?)host["version"]);
        // A customHandler section would make the host start the executable as a custom handler instead of the worker.
        Assert.Null(host["customHandler"]);
        // The isolated worker brings its extensions (extensions.json in the publish output); a bundle would load a second copy.
        Assert.Null(host["extensionBundle"]);
    }

    [Fact]
    public void Source_HasNoHandWrittenFunctionJson()
    {
        // Bindings come only from the [Function] attributes, via the generated functions.metadata.
        var handWritten = Directory.GetFiles(Repo.FunctionsApp, "function.json", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repo.FunctionsApp, file))
            .Where(file => !file.StartsWith("bin", StringComparison.Ordinal) && !file.StartsWith("obj", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(handWritten);
    }
}
