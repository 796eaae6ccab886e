using Pipeline.Core.Articles;
using Pipeline.Core.Duplicates;

namespace Pipeline.Cli;

/// <summary>The articles read from the files and folders named on the command line.</summary>
/// <param name="Articles">Readable, distinct articles in input order (files of a folder sorted by path, ordinal).</param>
/// <param name="Processed">How many files were read successfully, copies included.</param>
/// <param name="Outlets">Each kept article's outlet: the first folder under the named folder (`nytimes/a.txt` → `nytimes`),
/// else the file name, as the app takes it from the blob name.</param>
internal sealed record ArticleFiles(IReadOnlyList<Article> Articles, int Processed, IReadOnlyDictionary<string, string> Outlets)
{
    /// <summary>The outlet of a kept article.</summary>
    public string OutletOf(string article) => Outlets.TryGetValue(article, out var outlet) ? outlet : article;

    /// <summary>Reads every file named or found under a named folder; bad files are reported and skipped.</summary>
    /// <remarks>Identical copies (same <see cref="ArticleSignature"/>) within one outlet are read but only the first is kept,
    /// so one article uploaded under many names does not produce a pair of alignments per copy. Copies in different
    /// outlets are kept: they are shown as copies (<see cref="ArticleCopies"/>).</remarks>
    public static ArticleFiles Read(IEnumerable<string> inputs, CliConsole console, Func<string, bool>? skip = null)
    {
        var found = Expand(inputs, console);
        var files = found.Where(f => skip is null || !skip(f.Path)).Select(f => f.Path).ToList();
        var outletOf = found.ToDictionary(f => f.Path, f => f.Outlet, StringComparer.Ordinal);
        var outlets = new Dictionary<string, string>(StringComparer.Ordinal);
        var articles = new List<Article>(files.Count);
        var signatures = new Dictionary<(string Outlet, string Signature), string>();
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
            var outlet = outletOf.GetValueOrDefault(files[i], Path.GetFileName(files[i]));
            var signature = (outlet, ArticleSignature.Of(article));
            if (signatures.TryGetValue(signature, out var first))
            {
                console.Skip(files[i], $"identical to {first}");
                continue;
            }

            signatures[signature] = article.Name;
            articles.Add(article);
            outlets[article.Name] = outlet;
        }

        console.ClearProgress();
        return new ArticleFiles(articles, processed, outlets);
    }

    /// <summary>Reads one file into an article, or reports why it cannot be read and returns null.</summary>
    public static Article? ReadOne(string file, CliConsole console)
    {
        byte[] bytes;
        try
        {
            // Refuse before reading: a multi-gigabyte file must not be loaded just to be rejected as too large.
            var length = new FileInfo(file).Length;
            if (length > ReadOptions.Default.MaxBytes)
            {
                console.Skip(file, $"it is {length} bytes, more than the {ReadOptions.Default.MaxBytes} an article may have (too-large)");
                return null;
            }

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

    private static List<(string Path, string Outlet)> Expand(IEnumerable<string> inputs, CliConsole console)
    {
        var files = new List<(string Path, string Outlet)>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add((input, Path.GetFileName(input)));
            }
            else if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .ToList();
                found.Sort(StringComparer.Ordinal);
                files.AddRange(found.Select(f => (f, OutletOfRelative(Path.GetRelativePath(input, f)))));
            }
            else
            {
                console.Skip(input, "no such file or folder");
            }
        }

        return files;
    }

    // As the app reads a blob name: the first path segment, else the whole name.
    private static string OutletOfRelative(string relative)
    {
        var name = relative.Replace('\\', '/');
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? name[..slash] : name;
    }
}
