#:property PublishAot=false
// Rewrites the function.json files of a *published* Functions package so every blobTrigger binding uses
// "source": "EventGrid" — the only blob trigger source the Flex Consumption plan supports. The checked-in
// function.json files keep the default source (LogsAndContainerScan), which is what local runs on Azurite poll
// with, so the per-environment choice happens here, on the package, never by editing src/ by hand.
//
// Usage: dotnet run --file scripts/deploy/UseEventGridBlobSource.cs -- <package-folder>
// Exit codes: 0 done, 1 a function.json is unreadable, 2 bad usage / no functions found.
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: UseEventGridBlobSource <package-folder>");
    return 2;
}

var package = args[0];
if (!Directory.Exists(package))
{
    Console.Error.WriteLine($"error: package folder '{package}' does not exist; publish the function app first.");
    return 2;
}

// The Functions host only reads function.json one level below the package root.
var functionFiles = Directory.GetDirectories(package)
    .Select(folder => Path.Combine(folder, "function.json"))
    .Where(File.Exists)
    .Order(StringComparer.Ordinal)
    .ToList();
if (functionFiles.Count == 0)
{
    Console.Error.WriteLine($"error: no */function.json under '{package}'; is this a Functions package?");
    return 2;
}

var writeOptions = new JsonSerializerOptions { WriteIndented = true };
var failed = false;
foreach (var file in functionFiles)
{
    var function = Path.GetFileName(Path.GetDirectoryName(file));
    JsonNode? root;
    try
    {
        root = JsonNode.Parse(File.ReadAllText(file));
    }
    catch (JsonException exception)
    {
        Console.Error.WriteLine($"error: {file} is not valid JSON: {exception.Message}");
        failed = true;
        continue;
    }

    if (root?["bindings"] is not JsonArray bindings)
    {
        Console.Error.WriteLine($"error: {file} has no \"bindings\" array.");
        failed = true;
        continue;
    }

    var blobTriggers = bindings
        .OfType<JsonObject>()
        .Where(binding => string.Equals((string?)binding["type"], "blobTrigger", StringComparison.OrdinalIgnoreCase))
        .ToList();
    if (blobTriggers.Count == 0)
    {
        continue; // HTTP functions are left byte-for-byte untouched.
    }

    foreach (var trigger in blobTriggers)
    {
        trigger["source"] = "EventGrid";
    }

    File.WriteAllText(file, root.ToJsonString(writeOptions) + Environment.NewLine);
    Console.WriteLine($"{function}: blobTrigger source = EventGrid");
}

return failed ? 1 : 0;
