namespace Pipeline.Cli.Measure;

/// <summary>Which story each file of a measured corpus is about, from the corpus's own index (ground truth the pipeline never sees).</summary>
internal static class CorpusStories
{
    /// <summary>
    /// Reads `index.tsv` (columns file, event, ...; a header line first) in <paramref name="folder"/>: file (relative
    /// path) → event. Without an index every file is its own story.
    /// </summary>
    public static Dictionary<string, string> Read(string folder)
    {
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = Path.Combine(folder, "index.tsv");
        if (!File.Exists(index))
        {
            return stories;
        }

        foreach (var line in File.ReadLines(index).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 2 && columns[0].Length > 0)
            {
                stories[columns[0].Replace('\\', '/')] = columns[1];
            }
        }

        return stories;
    }
}
