using System.CommandLine;
using Pipeline.Core.Alignments;

namespace Pipeline.Cli;

/// <summary>`pipeline align &lt;files or folders...&gt; [--min-score S] [--format json|table]`.</summary>
internal static class AlignCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var minScore = CommonOptions.MinScore();
        var format = CommonOptions.Format();
        var command = new Command("align", "Print every passage two of the articles share, with the word-level differences.")
        {
            inputs, minScore, format,
        };
        command.SetAction(parsed =>
        {
            var files = ArticleFiles.Read(parsed.GetRequiredValue(inputs), console);
            var options = AlignmentOptions.Default with { MinScore = parsed.GetValue(minScore) };
            var alignments = CorpusAlignment.AlignAll(files, options, console);
            if (parsed.GetValue(format) == "table")
            {
                Tables.Write(console.Output, alignments);
            }
            else
            {
                foreach (var alignment in alignments)
                {
                    JsonLines.Write(console.Output, alignment);
                }
            }

            return files.Processed > 0 ? 0 : PipelineCli.NothingProcessed;
        });
        return command;
    }
}
