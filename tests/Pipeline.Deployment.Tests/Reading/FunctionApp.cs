using System.Text.Json.Nodes;

namespace Pipeline.Deployment.Tests.Reading;

/// <summary>One binding of a function.json, flattened to what the deployment cares about.</summary>
internal sealed record FunctionBinding(string Function, string Type, string? Path, string? Connection, string? Source);

/// <summary>The checked-in Functions app layout: host.json and one folder per function.</summary>
internal static class FunctionApp
{
    public static JsonObject HostJson(string appFolder) =>
        JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(appFolder, "host.json")))!.AsObject();

    public static IReadOnlyList<string> FunctionJsonFiles(string appFolder) =>
        Directory.GetDirectories(appFolder)
            .Select(folder => System.IO.Path.Combine(folder, "function.json"))
            .Where(System.IO.File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<FunctionBinding> Bindings(string appFolder) =>
        FunctionJsonFiles(appFolder).SelectMany(ReadBindings).ToList();

    public static IReadOnlyList<FunctionBinding> BlobTriggers(string appFolder) =>
        Bindings(appFolder)
            .Where(binding => string.Equals(binding.Type, "blobTrigger", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>"articles/{name}" → "articles".</summary>
    public static string ContainerOf(FunctionBinding trigger) =>
        trigger.Path?.Split('/')[0] ?? throw new InvalidOperationException($"{trigger.Function}: blob trigger has no path");

    private static IEnumerable<FunctionBinding> ReadBindings(string file)
    {
        var function = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(file))!;
        var root = JsonNode.Parse(System.IO.File.ReadAllText(file))
            ?? throw new InvalidOperationException($"{file} is empty");
        var bindings = root["bindings"] as JsonArray
            ?? throw new InvalidOperationException($"{file} has no bindings array");
        foreach (var binding in bindings.OfType<JsonObject>())
        {
            yield return new FunctionBinding(
                function,
                (string?)binding["type"] ?? throw new InvalidOperationException($"{file}: a binding has no type"),
                (string?)binding["path"],
                (string?)binding["connection"],
                (string?)binding["source"]);
        }
    }
}
