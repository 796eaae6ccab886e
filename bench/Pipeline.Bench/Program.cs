using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pipeline.Bench.Corpus;

namespace Pipeline.Bench;

internal static class Program
{
    private const string Usage = """
        usage:
          Pipeline.Bench micro [--smoke] [BenchmarkDotNet args, e.g. --filter '*Pair*' --artifacts DIR]
                 (default job: ShortRun in-process; --smoke: one dry iteration; --job X: BenchmarkDotNet's own jobs)
          Pipeline.Bench macro [--quick] [--corpus <dir>] [--out <dir>] [--sizes 1000,10000,100000] [--queries 40]
                               [--naive-sample 100] [--e2e | --e2e-only] [--e2e-articles 1000] [--e2e-seconds 480]
          Pipeline.Bench corpus [--corpus <dir>] [--count 8] [--out <dir>]   (write sample generated articles)
          Pipeline.Bench profile [--count 1000]   (the full path over generated articles, for dotnet-trace to sample)
          Pipeline.Bench e2e-corpus [--corpus DIR] [--writers 16] [--first 100] [--articles N] [--app PATH] [--seconds 600] [--index mirror|sharded]
                 (the real corpus through the local host on Azurite: rate, requests per article, hottest partition)
          Pipeline.Bench scale [--corpus <dir>] [--out <dir>] [--sizes 100000,1000000,10000000] [--buckets 8,10,16,32] [--azurite]
                 (the sharded candidate index against a request-counting table standing for large stored corpora;
                  --azurite also times it on a private Azurite)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            switch (args[0])
            {
                case "micro":
                    // In-process and short: the default out-of-process toolchain rebuilds a project per benchmark,
                    // which on a 2-core machine costs more than the measurements. Pass --job to override.
                    // DiffPlex 1.4.4 ships its assembly without the optimized flag; it is what we (and the naive
                    // baseline) run in production, so BenchmarkDotNet's check for it is switched off.
                    var smoke = args.Contains("--smoke");
                    var job = smoke ? Job.Dry : Job.ShortRun;
                    var config = (args.Contains("--job")
                            ? DefaultConfig.Instance
                            : DefaultConfig.Instance.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance)))
                        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
                    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..].Where(a => a != "--smoke").ToArray(), config);
                    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
                case "macro":
                    return await Macro.MacroRun.RunAsync(Macro.MacroOptions.Parse(args[1..]));
                case "corpus":
                    return WriteSamples(Macro.MacroOptions.Parse(args[1..]));
                case "e2e-corpus":
                    return await Macro.CorpusEndToEnd.RunAsync(args[1..]);
                case "scale":
                    return await Scale.ScaleRun.RunAsync(Scale.ScaleOptions.Parse(args[1..]));
                case "profile":
                    return Profile(Macro.MacroOptions.Parse(args[1..]));
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Profile(Macro.MacroOptions options)
    {
        var generator = new CorpusGenerator(SentencePool.Harvest(RealCorpus.Locate(options.CorpusPath)), options.Seed);
        var articles = Enumerable.Range(0, options.SampleCount)
            .Select(generator.Stored)
            .Select(a => (a.Name, System.Text.Encoding.UTF8.GetBytes(a.Text)))
            .ToList();
        var result = Macro.FloorRun.Run($"generated {articles.Count}", articles);
        Console.WriteLine($"full path over {result.Articles} articles: {result.FullSeconds:F1} s (prepare {result.PrepareSeconds:F1}, fingerprint {result.FingerprintSeconds:F1}, find {result.FindSeconds:F1}, align {result.AlignSeconds:F1}, add {result.AddSeconds:F1})");
        return 0;
    }

    private static int WriteSamples(Macro.MacroOptions options)
    {
        var real = RealCorpus.Locate(options.CorpusPath);
        var generator = new CorpusGenerator(SentencePool.Harvest(real), options.Seed);
        var dir = Path.Combine(options.OutputDirectory, "sample-corpus");
        Directory.CreateDirectory(dir);
        for (var i = 0; i < options.SampleCount; i++)
        {
            var article = generator.Stored(i);
            var path = Path.Combine(dir, article.Name.Replace('/', '_'));
            File.WriteAllText(path, article.Text);
            foreach (var copy in article.Planted)
            {
                Console.WriteLine($"{article.Name}\tpassage {copy.PassageId}\t[{copy.Start},{copy.End})\t{copy.Edits}\t{article.Text[copy.Start..copy.End]}");
            }
        }

        Console.WriteLine($"wrote {options.SampleCount} articles to {dir}");
        return 0;
    }
}
