using System.Text;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>Collects the figures of this run and rewrites TestResults/reliability-figures.md (at the repository root) after each one.</summary>
public static class Figures
{
    private static readonly Lock s_lock = new();
    private static readonly SortedDictionary<string, string> s_rows = new(StringComparer.Ordinal);
    private static readonly SortedDictionary<string, string> s_tables = new(StringComparer.Ordinal);

    /// <summary>The file the figures go to.</summary>
    public static string FilePath => Repo.At("TestResults", "reliability-figures.md");

    /// <summary>Records one scenario's outcome (replacing an earlier one of the same scenario).</summary>
    public static void Record(string scenario, string outcome)
    {
        lock (s_lock)
        {
            // One line per scenario: storage errors carry multi-line messages (status, headers); the first line says what happened.
            s_rows[scenario] = string.Join(' ', outcome.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(1).Concat(outcome.Contains('\n', StringComparison.Ordinal) ? ["…"] : []));
            Write();
        }
    }

    /// <summary>Records a markdown table under a heading.</summary>
    public static void RecordTable(string heading, string table)
    {
        lock (s_lock)
        {
            s_tables[heading] = table;
            Write();
        }
    }

    private static void Write()
    {
        var text = new StringBuilder();
        text.AppendLine("# Reliability figures").AppendLine();
        text.AppendLine($"Run at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Environment.OSVersion}).").AppendLine();
        text.AppendLine("| scenario | what happened |").AppendLine("|---|---|");
        foreach (var (scenario, outcome) in s_rows)
        {
            text.AppendLine($"| {scenario} | {outcome.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        foreach (var (heading, table) in s_tables)
        {
            text.AppendLine().AppendLine($"## {heading}").AppendLine().AppendLine(table);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, text.ToString());
    }
}
