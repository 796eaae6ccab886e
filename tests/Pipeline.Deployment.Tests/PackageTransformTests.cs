using System.Text.Json.Nodes;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

/// <summary>Runs the real prepackage transform (scripts/deploy/UseEventGridBlobSource.cs) on temp copies.</summary>
public sealed class PackageTransformTests : IDisposable
{
    private readonly string _package = Path.Combine(Path.GetTempPath(), "pipeline-deploy-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_package))
        {
            Directory.Delete(_package, recursive: true);
        }
    }

    [Fact]
    public void Transform_PackageCopy_SetsEventGridOnBlobTriggersOnly()
    {
        CopyFunctionsLayout(_package);
        var sourceBefore = Snapshot(Repo.FunctionsApp);
        var packageBefore = Snapshot(_package);

        var (exitCode, output) = RunTransform(_package);

        Assert.True(exitCode == 0, output);
        foreach (var binding in FunctionApp.Bindings(_package))
        {
            var isBlobTrigger = string.Equals(binding.Type, "blobTrigger", StringComparison.OrdinalIgnoreCase);
            Assert.Equal(isBlobTrigger ? "EventGrid" : null, binding.Source);
        }

        var packageAfter = Snapshot(_package);
        var blobFunctions = FunctionApp.BlobTriggers(_package).Select(trigger => trigger.Function).ToHashSet();
        foreach (var (file, content) in packageBefore)
        {
            var function = Path.GetDirectoryName(file);
            if (function is null || !blobFunctions.Contains(function))
            {
                Assert.True(content == packageAfter[file], $"{file} is not a blob-trigger function and must stay byte-identical");
            }
        }

        // Blob triggers keep every other property; the only difference is the added source.
        foreach (var function in blobFunctions)
        {
            var before = JsonNode.Parse(packageBefore[Path.Combine(function, "function.json")])!;
            var after = JsonNode.Parse(packageAfter[Path.Combine(function, "function.json")])!;
            foreach (var binding in after["bindings"]!.AsArray().OfType<JsonObject>())
            {
                binding.Remove("source");
            }

            Assert.True(JsonNode.DeepEquals(before, after), $"{function}/function.json changed beyond the source property");
        }

        Assert.Equal(sourceBefore, Snapshot(Repo.FunctionsApp));
    }

    [Fact]
    public void Transform_SecondRun_ChangesNothing()
    {
        CopyFunctionsLayout(_package);
        Assert.Equal(0, RunTransform(_package).ExitCode);
        var once = Snapshot(_package);

        var (exitCode, output) = RunTransform(_package);

        Assert.True(exitCode == 0, output);
        Assert.Equal(once, Snapshot(_package));
    }

    [Fact]
    public void Transform_FolderWithoutFunctions_FailsWithMessage()
    {
        Directory.CreateDirectory(_package);

        var (exitCode, output) = RunTransform(_package);

        Assert.Equal(2, exitCode);
        Assert.Contains("no */function.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_InvalidFunctionJson_FailsNamingTheFileAndStillConvertsTheOthers()
    {
        CopyFunctionsLayout(_package);
        var broken = Path.Combine(_package, "Broken", "function.json");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "{ \"bindings\": [ ");

        var (exitCode, output) = RunTransform(_package);

        Assert.Equal(1, exitCode);
        Assert.Contains(broken, output, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        Assert.All(FunctionApp.BlobTriggers(_package), trigger => Assert.Equal("EventGrid", trigger.Source));
    }

    private static void CopyFunctionsLayout(string target)
    {
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(Repo.FunctionsApp, "host.json"), Path.Combine(target, "host.json"));
        foreach (var file in FunctionApp.FunctionJsonFiles(Repo.FunctionsApp))
        {
            var folder = Path.Combine(target, Path.GetFileName(Path.GetDirectoryName(file))!);
            Directory.CreateDirectory(folder);
            File.Copy(file, Path.Combine(folder, "function.json"));
        }
    }

    /// <summary>Relative path → content of every file under <paramref name="root"/> that the package holds.</summary>
    private static Dictionary<string, string> Snapshot(string root) =>
        FunctionApp.FunctionJsonFiles(root).Append(Path.Combine(root, "host.json"))
            .ToDictionary(file => Path.GetRelativePath(root, file), File.ReadAllText);

    private static (int ExitCode, string Output) RunTransform(string package) =>
        DotnetProcess.Run(DotnetProcess.DotnetPath, ["run", "--file", Repo.File("scripts", "deploy", "UseEventGridBlobSource.cs"), "--", package]);
}
