using System.Text;
using Pipeline.Core.Articles;
using Xunit;

namespace Pipeline.Core.Tests.Support;

/// <summary>The repository's seed articles, found by walking up to the folder holding Pipeline.sln.</summary>
public static class Seeds
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string[] Names { get; } =
        Directory.GetFiles(Path.Combine(RepositoryRoot, "seeds"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public static string PathOf(string prefix) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "seeds"), prefix + "_*.txt").Single();

    public static string Text(string prefix) => File.ReadAllText(PathOf(prefix), Encoding.UTF8);

    public static Article Read(string prefix)
    {
        var path = PathOf(prefix);
        var result = ArticleReader.Read(Path.GetFileName(path), File.ReadAllBytes(path));
        Assert.False(result.IsRejected, $"seed {prefix} was rejected: {result.Rejection}");
        return result.Article!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find Pipeline.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
