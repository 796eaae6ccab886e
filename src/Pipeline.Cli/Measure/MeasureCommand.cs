using System.CommandLine;
using System.Diagnostics;
using Pipeline.Core.Alignments;
using Pipeline.Core.Clusters;

namespace Pipeline.Cli.Measure;

/// <summary>`pipeline measure &lt;folder&gt;`: how well the align rules do on a real corpus, measured against raw text.</summary>
internal static class MeasureCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "A corpus folder: one sub-folder per outlet, optionally index.tsv (file, event) naming each file's story." };
        var api = new Option<string?>("--api")
        {
            Description = "Judge the alignments a running app stored for this folder (fed with blob name = path relative to the folder), read from its API, e.g. http://localhost:7071/api, instead of aligning here.",
        };
        var command = new Command("measure", "Align a corpus as `align` does and report exact-reuse recall, boilerplate aligned and the most widely carried clusters.")
        {
            folder,
            api,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var root = parsed.GetRequiredValue(folder);
            if (!Directory.Exists(root))
            {
                console.Skip(root, "no such folder");
                return PipelineCli.NothingProcessed;
            }

            var clock = Stopwatch.StartNew();
            var files = ArticleFiles.Read([root], console, skip: f => Path.GetRelativePath(root, f) == "index.tsv");
            var read = clock.Elapsed;
            IReadOnlyList<Alignment> alignments;
            if (parsed.GetValue(api) is { } given)
            {
                if (!Uri.TryCreate(given, UriKind.Absolute, out var from) || from.Scheme is not ("http" or "https"))
                {
                    await console.Error.WriteLineAsync($"pipeline: --api needs an http(s) address such as http://localhost:7071/api, not '{given}'");
                    return PipelineCli.NothingProcessed;
                }

                (alignments, var unknown) = await StoredAlignments.ReadAsync(from, root, files, cancellationToken);
                await console.Output.WriteLineAsync($"Read {alignments.Count} stored alignments from {from}" + (unknown > 0 ? $" ({unknown} more name articles not in the folder and are left out)" : string.Empty));
            }
            else
            {
                alignments = CorpusAlignment.AlignAll(files, AlignmentOptions.Default, console);
            }

            var aligned = clock.Elapsed - read;
            var clusters = PassageClustering.Cluster(alignments);
            var stories = CorpusStories.Read(root);
            var report = QualityReport.Compute(root, files, stories, alignments, clusters);
            report.Write(console.Output, read, aligned);
            return files.Processed > 0 ? 0 : PipelineCli.NothingProcessed;
        });
        return command;
    }
}
