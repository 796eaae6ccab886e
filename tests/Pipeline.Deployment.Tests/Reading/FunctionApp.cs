using System.Text.Json.Nodes;

namespace Pipeline.Deployment.Tests.Reading;

/// <summary>One binding of one function in the generated functions.metadata, flattened to what the deployment cares about.</summary>
internal sealed record FunctionBinding(
    string Function,
    string Type,
    string? Direction,
    string? Path,
    string? Route,
    string? Connection,
    string? Source,
    string? AuthLevel,
    IReadOnlyList<string> Methods);

/// <summary>
/// A published Functions app root (the folder azd zips and deploys): host.json, the Worker SDK's functions.metadata,
/// worker.config.json and extensions.json, the assemblies and wwwroot/.
/// </summary>
internal sealed class FunctionApp
{
    private FunctionApp(string folder)
    {
        Folder = folder;
        Metadata = ReadJson(System.IO.Path.Combine(folder, "functions.metadata"))?.AsArray()
            ?? throw new InvalidOperationException($"{folder}/functions.metadata is empty");
        Bindings = Metadata.OfType<JsonObject>().SelectMany(ReadBindings).ToList();
    }

    public string Folder { get; }

    /// <summary>The generated functions.metadata: one object per function with its name, scriptFile, entryPoint and bindings.</summary>
    public JsonArray Metadata { get; }

    public IReadOnlyList<FunctionBinding> Bindings { get; }

    public IReadOnlyList<string> FunctionNames =>
        Metadata.OfType<JsonObject>().Select(function => (string)function["name"]!).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<FunctionBinding> BlobTriggers => OfType("blobTrigger");

    public IReadOnlyList<FunctionBinding> HttpTriggers => OfType("httpTrigger");

    public JsonObject HostJsonObject => HostJson(Folder);

    public JsonObject WorkerConfig => ReadJson(System.IO.Path.Combine(Folder, "worker.config.json"))!.AsObject();

    /// <summary>
    /// Publishes src/Pipeline.Functions the way azd's dotnet service does (<c>dotnet publish -c Release</c> into a folder),
    /// with every intermediate file under <paramref name="artifacts"/> so the repository's bin/ and obj/ (which other test
    /// projects run from) are never touched. <paramref name="properties"/> are extra MSBuild properties (name=value).
    /// </summary>
    public static FunctionApp Publish(string output, string artifacts, params string[] properties)
    {
        var (exitCode, log) = DotnetProcess.Run(
            DotnetProcess.DotnetPath,
            [
                "publish", System.IO.Path.Combine(Repo.FunctionsApp, "Pipeline.Functions.csproj"),
                "-c", "Release", "-o", output, "--artifacts-path", artifacts, "-nologo",
                .. properties.Select(property => $"-p:{property}"),
            ]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {string.Join(' ', properties)} failed (exit {exitCode}):\n{log}");
        }

        return new FunctionApp(output);
    }

    public static JsonObject HostJson(string appFolder) =>
        ReadJson(System.IO.Path.Combine(appFolder, "host.json"))!.AsObject();

    /// <summary>"articles/{name}" → "articles".</summary>
    public static string ContainerOf(FunctionBinding trigger) =>
        trigger.Path?.Split('/')[0] ?? throw new InvalidOperationException($"{trigger.Function}: blob trigger has no path");

    public FunctionBinding Trigger(string function) =>
        Bindings.Single(binding => binding.Function == function && binding.Type.EndsWith("Trigger", StringComparison.Ordinal));

    private List<FunctionBinding> OfType(string type) =>
        Bindings.Where(binding => string.Equals(binding.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    private static JsonNode? ReadJson(string file)
    {
        Assert.True(System.IO.File.Exists(file), $"expected {file} to exist");
        return JsonNode.Parse(System.IO.File.ReadAllText(file));
    }

    private static IEnumerable<FunctionBinding> ReadBindings(JsonObject function)
    {
        var name = (string?)function["name"] ?? throw new InvalidOperationException("functions.metadata: a function has no name");
        var bindings = function["bindings"] as JsonArray
            ?? throw new InvalidOperationException($"functions.metadata: {name} has no bindings array");
        foreach (var binding in bindings.OfType<JsonObject>())
        {
            yield return new FunctionBinding(
                name,
                (string?)binding["type"] ?? throw new InvalidOperationException($"functions.metadata: a binding of {name} has no type"),
                (string?)binding["direction"],
                (string?)binding["path"],
                (string?)binding["route"],
                (string?)binding["connection"],
                (string?)binding["source"],
                (string?)binding["authLevel"],
                (binding["methods"] as JsonArray)?.Select(method => (string)method!).ToList() ?? []);
        }
    }
}
