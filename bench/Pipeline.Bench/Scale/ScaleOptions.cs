using System.Globalization;

namespace Pipeline.Bench.Scale;

/// <summary>Command-line options of the scale simulation (<c>Pipeline.Bench scale</c>, <c>./bench.sh --scale</c>).</summary>
internal sealed record ScaleOptions(string? CorpusPath, string OutputDirectory, IReadOnlyList<long> Sizes, IReadOnlyList<int> Buckets, bool Azurite)
{
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ScaleOptions(null, Macro.MacroOptions.DefaultOutput(), [100_000, 1_000_000, 10_000_000], [8, 10, 16, 32], Azurite: false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--azurite" => options with { Azurite = true },
                "--corpus" => options with { CorpusPath = Value() },
                "--out" => options with { OutputDirectory = Value() },
                "--sizes" => options with { Sizes = Value().Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList() },
                "--buckets" => options with { Buckets = Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
