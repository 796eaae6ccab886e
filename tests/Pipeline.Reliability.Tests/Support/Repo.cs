namespace Pipeline.Reliability.Tests.Support;

/// <summary>Finds files of the repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The repository root: the first folder above the test binaries that holds Pipeline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Release or Debug), read from the binaries' path.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>The app's entry assembly as built by the solution build.</summary>
    public static string AppDll
    {
        get
        {
            var built = Path.Combine(Root, "src", "Pipeline.Functions", "bin", Configuration, "net10.0", "Pipeline.Functions.dll");
            if (File.Exists(built))
            {
                return built;
            }

            var copied = Path.Combine(AppContext.BaseDirectory, "Pipeline.Functions.dll");
            return File.Exists(copied)
                ? copied
                : throw new InvalidOperationException($"The app is not built: {built} is missing. Run `dotnet build src/Pipeline.Functions -c {Configuration}` (or ./test.sh).");
        }
    }

    /// <summary>A path under the repository root.</summary>
    public static string At(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Pipeline.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
