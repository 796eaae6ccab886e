using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>The `pipeline` command line: align, clusters, normalize and measure over local article files.</summary>
internal static class PipelineCli
{
    /// <summary>Exit code when the command line itself is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when no input file could be processed.</summary>
    public const int NothingProcessed = 1;

    /// <summary>Parses and runs a command line, writing results to <paramref name="output"/> and diagnostics to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("Align the passages news articles share (quotes, wire paragraphs) and show how each outlet changed them.")
        {
            AlignCommand.Create(console),
            ClustersCommand.Create(console),
            NormalizeCommand.Create(console),
            Measure.MeasureCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine("Usage: pipeline align|clusters <files or folders...> [--min-score S] [--format json|table] | pipeline normalize <file> | pipeline measure <folder>");
            return UsageError;
        }

        var code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return parsed.Action is null ? UsageError : code;
    }
}
