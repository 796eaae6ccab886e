using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

/// <summary>Runs the real azd prepackage hook (dotnet publish + transform) into a temp folder.</summary>
public sealed class PrepackageHookTests : IDisposable
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
    public void Prepackage_RealPublish_ProducesTheFlexCustomHandlerPackage()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Fail("prepackage.sh is the POSIX hook; run this test on Linux, macOS or WSL (Windows uses prepackage.ps1).");
            return;
        }

        var (exitCode, output) = DotnetProcess.Run(
            "sh",
            [Repo.File("scripts", "deploy", "prepackage.sh")],
            new Dictionary<string, string> { ["PIPELINE_PACKAGE_DIR"] = _package });

        Assert.True(exitCode == 0, $"prepackage.sh failed:\n{output}");

        var host = FunctionApp.HostJson(_package);
        var executable = Path.Combine(_package, (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);
        Assert.True(File.Exists(executable), $"the package has no {executable}");
        Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), $"{executable} is not executable");
        // Self-contained: the runtime ships in the package, so the Flex `custom` stack needs no .NET installed.
        Assert.True(File.Exists(Path.Combine(_package, "libcoreclr.so")), "the package is not a self-contained linux-x64 publish");
        Assert.False(File.Exists(Path.Combine(_package, "local.settings.json")), "local settings must not ship");

        Assert.Equal(File.ReadAllText(Path.Combine(Repo.FunctionsApp, "host.json")), File.ReadAllText(Path.Combine(_package, "host.json")));
        var expectedFunctions = FunctionApp.FunctionJsonFiles(Repo.FunctionsApp).Select(file => Path.GetFileName(Path.GetDirectoryName(file)));
        var packagedFunctions = FunctionApp.FunctionJsonFiles(_package).Select(file => Path.GetFileName(Path.GetDirectoryName(file)));
        Assert.Equal(expectedFunctions, packagedFunctions);
        Assert.All(FunctionApp.BlobTriggers(_package), trigger => Assert.Equal("EventGrid", trigger.Source));
        Assert.All(FunctionApp.BlobTriggers(Repo.FunctionsApp), trigger => Assert.Null(trigger.Source));
    }
}
