using System.Globalization;

namespace Pipeline.Bench.Macro;

/// <summary>Command-line options of the macro run.</summary>
internal sealed record MacroOptions(
    bool Quick,
    string? CorpusPath,
    string OutputDirectory,
    IReadOnlyList<int> Sizes,
    int Queries,
    ulong Seed,
    int SampleCount,
    int NaiveSample,
    bool EndToEnd,
    bool EndToEndOnly,
    int EndToEndArticles,
    int EndToEndSeconds,
    string? AppCommand)
{
    public static MacroOptions Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var options = new MacroOptions(
            Quick: quick,
            CorpusPath: null,
            OutputDirectory: DefaultOutput(),
            Sizes: quick ? [300, 1_000] : [1_000, 10_000, 100_000],
            Queries: quick ? 6 : 40,
            Seed: 20_180_101,
            SampleCount: 8,
            NaiveSample: quick ? 10 : 100,
            EndToEnd: false,
            EndToEndOnly: false,
            EndToEndArticles: quick ? 40 : 1_000,
            EndToEndSeconds: quick ? 30 : 480,
            AppCommand: null);

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options,
                "--corpus" => options with { CorpusPath = Value() },
                "--out" => options with { OutputDirectory = Value() },
                "--sizes" => options with { Sizes = Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() },
                "--queries" => options with { Queries = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                "--count" => options with { SampleCount = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--naive-sample" => options with { NaiveSample = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--e2e" => options with { EndToEnd = true },
                "--e2e-only" => options with { EndToEnd = true, EndToEndOnly = true },
                "--e2e-articles" => options with { EndToEndArticles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--e2e-seconds" => options with { EndToEndSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    internal static string DefaultOutput()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "results");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "bench-results");
    }
}
