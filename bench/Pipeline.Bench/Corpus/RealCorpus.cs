namespace Pipeline.Bench.Corpus;

/// <summary>The real articles a run can use: the shared news-cluster set when present, else the repo's seeds/.</summary>
/// <param name="Origin">Where the texts came from, for the report.</param>
/// <param name="Articles">(name, text) pairs in a stable order.</param>
internal sealed record RealCorpus(string Origin, IReadOnlyList<RealArticle> Articles)
{
    /// <summary>Finds the corpus: an explicit path, else shared/corpora/news-cluster found by walking up, else seeds/.</summary>
    public static RealCorpus Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            if (!Directory.Exists(explicitPath))
            {
                throw new DirectoryNotFoundException($"--corpus {explicitPath}: no such directory");
            }

            return Load(explicitPath);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var shared = Path.Combine(dir.FullName, "shared", "corpora", "news-cluster");
                if (Directory.Exists(shared))
                {
                    return Load(shared);
                }
            }
        }

        var seeds = FindSeeds() ?? throw new DirectoryNotFoundException(
            "No real text found: pass --corpus <dir of .txt files>, or run from the repository (seeds/ is used).");
        return Load(seeds);
    }

    /// <summary>The repository's seeds/ folder, found by walking up from the working directory or the binary.</summary>
    public static string? FindSeeds()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(seeds) && File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return seeds;
                }
            }
        }

        return null;
    }

    public static RealCorpus Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.txt", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var articles = files
            .Select(f => new RealArticle(Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        if (articles.Count == 0)
        {
            throw new InvalidDataException($"{directory} holds no .txt articles");
        }

        return new RealCorpus(Path.GetFullPath(directory), articles);
    }
}

/// <summary>One real article as read from disk.</summary>
internal sealed record RealArticle(string Name, string Text);
