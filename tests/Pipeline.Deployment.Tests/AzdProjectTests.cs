using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

public sealed class AzdProjectTests
{
    private static readonly BicepFile Main = BicepFile.Load("infra", "main.bicep");
    private static readonly IReadOnlyDictionary<string, string> AzureYaml = FlatYaml.Parse(Repo.ReadText("azure.yaml"));

    [Fact]
    public void ApiService_IsAPlainDotnetFunctionProject()
    {
        Assert.Equal("function", AzureYaml["services.api.host"]);
        Assert.Equal("dotnet", AzureYaml["services.api.language"]);
        Assert.Equal("./src/Pipeline.Functions", AzureYaml["services.api.project"]);
        Assert.Equal("main", AzureYaml["infra.module"]);
        Assert.Equal("infra", AzureYaml["infra.path"]);

        // azd builds the package itself (dotnet publish); nothing may override its output or add a packaging step.
        var serviceKeys = AzureYaml.Keys.Where(key => key.StartsWith("services.api.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["services.api.host", "services.api.language", "services.api.project"], serviceKeys);

        // The project folder holds exactly one project, and it is a Worker SDK app.
        var project = Assert.Single(Directory.GetFiles(Repo.File(AzureYaml["services.api.project"].Split('/')), "*.csproj"));
        var references = XDocument.Load(project).Descendants("PackageReference").Select(reference => reference.Attribute("Include")?.Value).ToList();
        Assert.Contains("Microsoft.Azure.Functions.Worker.Sdk", references);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs", references);
    }

    [Fact]
    public void Hooks_EveryScript_ExistsForBothShells()
    {
        var hooks = AzureYaml.Where(pair => pair.Key.EndsWith(".run", StringComparison.Ordinal)).ToList();
        Assert.Equal(["hooks.postdeploy.posix.run", "hooks.postdeploy.windows.run"], hooks.Select(pair => pair.Key).Order(StringComparer.Ordinal));

        foreach (var (key, script) in hooks)
        {
            Assert.True(File.Exists(Repo.File(script.Split('/'))), $"{key} points at {script}, which does not exist");
            var shell = AzureYaml[key[..^".run".Length] + ".shell"];
            Assert.Equal(key.Contains(".windows.", StringComparison.Ordinal) ? "pwsh" : "sh", shell);
            Assert.EndsWith(shell == "pwsh" ? ".ps1" : ".sh", script, StringComparison.Ordinal);
        }

        // Every script in scripts/deploy is one azure.yaml runs; a leftover hook script would be dead code.
        var scripts = Directory.GetFiles(Repo.File("scripts", "deploy")).Select(file => $"./scripts/deploy/{Path.GetFileName(file)}").Order(StringComparer.Ordinal);
        Assert.Equal(hooks.Select(pair => pair.Value).Order(StringComparer.Ordinal), scripts);
    }

    [Fact]
    public void Hooks_EnvironmentVariablesTheyRead_AreMainBicepOutputs()
    {
        foreach (var script in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            var text = Repo.ReadText("scripts", "deploy", script);
            var used = Regex.Matches(text, @"\b(?:AZURE|EVENT_GRID)_[A-Z_]+\b").Select(match => match.Value).Distinct().ToList();
            Assert.NotEmpty(used);
            Assert.All(used, name => Assert.Contains(name, Main.Outputs));
        }
    }

    [Fact]
    public void MainParameters_Defaults_MatchTheDocumentedKnobs()
    {
        var parameters = Main.Params;
        Assert.Equal("string", parameters["environmentName"].Type);
        Assert.Equal("string", parameters["location"].Type);
        Assert.Equal(("int", "100"), (parameters["maxInstanceCount"].Type, parameters["maxInstanceCount"].Default));
        Assert.Equal(("int", "2048"), (parameters["instanceMemoryMB"].Type, parameters["instanceMemoryMB"].Default));
        Assert.Equal(("bool", "false"), (parameters["allowSharedKeyAccess"].Type, parameters["allowSharedKeyAccess"].Default));
        Assert.Matches(@"targetScope\s*=\s*'subscription'", Main.Text);
    }

    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredAndEveryRequiredOneIsMapped()
    {
        var mapped = JsonNode.Parse(Repo.ReadText("infra", "main.parameters.json"))!["parameters"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => (string?)pair.Value!["value"]);

        Assert.All(mapped.Keys, name => Assert.True(Main.Params.ContainsKey(name), $"main.parameters.json maps unknown parameter {name}"));
        Assert.All(Main.Params.Values.Where(param => param.Default is null),
            param => Assert.True(mapped.ContainsKey(param.Name), $"required parameter {param.Name} is not in main.parameters.json"));

        // Defaults written in main.parameters.json (${VAR=default}) must agree with main.bicep's.
        foreach (var (name, value) in mapped)
        {
            var fallback = Regex.Match(value ?? "", @"^\$\{\w+=(?<value>[^}]*)\}$");
            if (fallback.Success)
            {
                Assert.Equal(Main.Params[name].Default, fallback.Groups["value"].Value);
            }
        }
    }

    [Fact]
    public void Modules_EveryCall_MatchesTheModuleParametersAndOutputs()
    {
        var modules = Main.Modules;
        Assert.NotEmpty(modules);
        foreach (var module in modules)
        {
            var file = BicepFile.Load(["infra", .. module.Path.TrimStart('.', '/').Split('/')]);
            var passed = module.Params.Keys;
            var declared = file.Params;

            Assert.All(passed, name => Assert.True(declared.ContainsKey(name), $"main.bicep passes unknown param '{name}' to {module.Path}"));
            Assert.All(declared.Values.Where(param => param.Default is null),
                param => Assert.True(passed.Contains(param.Name), $"main.bicep does not pass required param '{param.Name}' to {module.Path}"));

            foreach (Match use in Regex.Matches(Main.Text, $@"\b{module.Symbol}\.outputs\.(\w+)"))
            {
                Assert.True(file.Outputs.Contains(use.Groups[1].Value), $"main.bicep reads {use.Value}, which {module.Path} does not output");
            }
        }
    }
}
