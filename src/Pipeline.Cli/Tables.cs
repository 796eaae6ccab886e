using Pipeline.Core.Alignments;
using Pipeline.Core.Clusters;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>Human-readable tables of alignments and clusters.</summary>
internal static class Tables
{
    /// <summary>One row per alignment, with the diff marked up: [-deleted-] {+inserted+}.</summary>
    public static void Write(TextWriter output, IReadOnlyList<Alignment> alignments)
    {
        var table = new Table().AddColumns("Source", "Target", "Score", "Kind", "Diff");
        foreach (var a in alignments)
        {
            table.AddRow(
                Spectre.Console.Markup.Escape($"{a.Source.Article} [{a.Source.Start},{a.Source.End})"),
                Spectre.Console.Markup.Escape($"{a.Target.Article} [{a.Target.Start},{a.Target.End})"),
                a.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                Names.Of(a.Kind),
                string.Join(" ", a.Diff.Select(DiffMarkup)));
        }

        Console(output).Write(table);
    }

    /// <summary>One row per cluster member, grouped by cluster.</summary>
    public static void Write(TextWriter output, IReadOnlyList<PassageCluster> clusters)
    {
        var table = new Table().AddColumns("Cluster", "Speaker", "File", "Span", "Text");
        foreach (var cluster in clusters)
        {
            foreach (var member in cluster.Members)
            {
                table.AddRow(
                    cluster.Id,
                    Spectre.Console.Markup.Escape(cluster.Speaker ?? string.Empty),
                    Spectre.Console.Markup.Escape(member.Article),
                    $"[[{member.Start},{member.End})",
                    Spectre.Console.Markup.Escape(member.Text.ReplaceLineEndings(" ")));
            }
        }

        Console(output).Write(table);
    }

    private static string DiffMarkup(DiffRun run)
    {
        var text = Spectre.Console.Markup.Escape(run.Text.ReplaceLineEndings(" "));
        return run.Op switch
        {
            DiffOp.Delete => $"[red][[-{text}-]][/]",
            DiffOp.Insert => $"[green]{{+{text}+}}[/]",
            _ => text,
        };
    }

    private static IAnsiConsole Console(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
