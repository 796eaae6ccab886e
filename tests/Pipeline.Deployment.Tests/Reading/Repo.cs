namespace Pipeline.Deployment.Tests.Reading;

/// <summary>Paths of the files the deployment depends on, found from the test binaries up to Pipeline.sln.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string FunctionsApp => Path.Combine(Root, "src", "Pipeline.Functions");

    public static string Infra => Path.Combine(Root, "infra");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts)
    {
        var path = File(parts);
        Assert.True(System.IO.File.Exists(path), $"expected file {path} to exist");
        return System.IO.File.ReadAllText(path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Pipeline.sln not found above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
