using System.CommandLine;
using Pipeline.Core.Alignments;
using Pipeline.Core.Clusters;

namespace Pipeline.Cli;

/// <summary>`pipeline clusters &lt;files or folders...&gt; [--min-score S] [--format json|table]`.</summary>
internal static class ClustersCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var minScore = CommonOptions.MinScore();
        var format = CommonOptions.Format();
        var command = new Command("clusters", "Print each passage shared across articles once, with every article's version.")
        {
            inputs, minScore, format,
        };
        command.SetAction(parsed =>
        {
            var files = ArticleFiles.Read(parsed.GetRequiredValue(inputs), console);
            var options = AlignmentOptions.Default with { MinScore = parsed.GetValue(minScore) };
            var clusters = PassageClustering.Cluster(CorpusAlignment.AlignAll(files, options, console));
            if (parsed.GetValue(format) == "table")
            {
                Tables.Write(console.Output, clusters);
            }
            else
            {
                foreach (var cluster in clusters)
                {
                    JsonLines.Write(console.Output, cluster);
                }
            }

            return files.Processed > 0 ? 0 : PipelineCli.NothingProcessed;
        });
        return command;
    }
}
