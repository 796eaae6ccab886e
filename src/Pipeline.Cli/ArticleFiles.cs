using Pipeline.Core.Articles;
using Pipeline.Core.Duplicates;

namespace Pipeline.Cli;

/// <summary>The articles read from the files and folders named on the command line.</summary>
/// <param name="Articles">Readable, distinct articles in input order (files of a folder sorted by path, ordinal).</param>
/// <param name="Processed">How many files were read successfully, copies included.</param>
internal sealed record ArticleFiles(IReadOnlyList<Article> Articles, int Processed)
{
    /// <summary>Reads every file named or found under a named folder; bad files are reported and skipped.</summary>
    /// <remarks>Identical copies (same <see cref="ArticleSignature"/>) are read but only the first is kept, so one article
    /// uploaded under many names does not produce a pair of alignments per copy.</remarks>
    public static ArticleFiles Read(IEnumerable<string> inputs, CliConsole console)
    {
        var files = Expand(inputs, console);
        var articles = new List<Article>(files.Count);
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        var processed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            console.Progress("reading", i + 1, files.Count);
            var article = ReadOne(files[i], console);
            if (article is null)
            {
                continue;
            }

            processed++;
            var signature = ArticleSignature.Of(article);
            if (signatures.TryGetValue(signature, out var first))
            {
                console.Skip(files[i], $"identical to {first}");
                continue;
            }

            signatures[signature] = article.Name;
            articles.Add(article);
        }

        console.ClearProgress();
        return new ArticleFiles(articles, processed);
    }

    /// <summary>Reads one file into an article, or reports why it cannot be read and returns null.</summary>
    public static Article? ReadOne(string file, CliConsole console)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Skip(file, e.Message);
            return null;
        }

        ArticleReadResult result;
        try
        {
            result = ArticleReader.Read(file, bytes);
        }
#pragma warning disable CA1031 // One unreadable article must never stop the others; the reason is reported.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Skip(file, $"could not be read ({e.GetType().Name}: {e.Message})");
            return null;
        }

        if (result.Article is null)
        {
            console.Skip(file, result.Rejection is { } rejection ? $"{rejection.Message} ({rejection.Code})" : "not an article");
        }

        return result.Article;
    }

    private static List<string> Expand(IEnumerable<string> inputs, CliConsole console)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .ToList();
                found.Sort(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                console.Skip(input, "no such file or folder");
            }
        }

        return files;
    }
}
