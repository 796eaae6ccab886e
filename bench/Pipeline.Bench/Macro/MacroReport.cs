using System.Globalization;
using System.Text;

namespace Pipeline.Bench.Macro;

/// <summary>Collects the run's figures as a markdown report (printed and saved) and a long-format CSV.</summary>
internal sealed class MacroReport
{
    private readonly StringBuilder _markdown = new();
    private readonly StringBuilder _csv = new("section,corpus_size,metric,value,unit,kind\n");

    public string Markdown => _markdown.ToString();

    public string Csv => _csv.ToString();

    public void Line(string text = "")
    {
        _markdown.AppendLine(text);
        Console.WriteLine(text);
    }

    public void Row(params object[] cells) => Line("| " + string.Join(" | ", cells.Select(Cell)) + " |");

    public void Header(params string[] columns)
    {
        Line("| " + string.Join(" | ", columns) + " |");
        Line("|" + string.Concat(columns.Select(_ => "---|")));
    }

    /// <summary>One figure for the CSV; kind is "measured" or "extrapolated".</summary>
    public void Figure(string section, int corpusSize, string metric, double value, string unit, string kind = "measured") =>
        _csv.Append(CultureInfo.InvariantCulture, $"{section},{corpusSize},{metric},{value.ToString("G6", CultureInfo.InvariantCulture)},{unit},{kind}\n");

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms switch
    {
        >= 10_000 => (ms / 1000).ToString("N1", CultureInfo.InvariantCulture) + " s",
        >= 100 => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms",
        >= 1 => ms.ToString("N2", CultureInfo.InvariantCulture) + " ms",
        _ => (ms * 1000).ToString("N0", CultureInfo.InvariantCulture) + " µs",
    };

    public static string Pct(double share) => double.IsNaN(share) ? "n/a" : (share * 100).ToString("N1", CultureInfo.InvariantCulture) + " %";

    public static string X(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString(ratio >= 10 ? "N0" : "N2", CultureInfo.InvariantCulture) + "×";

    public static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    private static string Cell(object value) => value switch
    {
        double d => d.ToString("N2", CultureInfo.InvariantCulture),
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
