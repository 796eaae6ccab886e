using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Bench.Baselines;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Macro;
using Pipeline.Core.Articles;

namespace Pipeline.Bench.Micro;

/// <summary>Per-article stages: the floor tokenizer, preparing an article, fingerprinting it, the naive splitter.</summary>
[MemoryDiagnoser]
public class ArticleBenchmarks
{
    private GeneratedArticle _generated = null!;
    private byte[] _bytes = null!;
    private Article _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = MicroData.Generator.Stored(7);
        _bytes = Encoding.UTF8.GetBytes(_generated.Text);
        _article = OurPipeline.Prepare(_generated.Name, _bytes);
    }

    [Benchmark(Baseline = true, Description = "floor: decode + tokenize")]
    public int Floor() => FloorRun.Tokenize(Encoding.UTF8.GetString(_bytes)).Count;

    [Benchmark(Description = "prepare (ArticleReader.Read)")]
    public Article Prepare() => OurPipeline.Prepare(_generated.Name, _bytes);

    [Benchmark(Description = "fingerprint")]
    public int Fingerprint() => OurPipeline.Fingerprint(_article).Count;

    [Benchmark(Description = "naive: sentence split")]
    public int NaiveSplit() => NaiveSentenceAligner.Prepare(_generated.Text).Sentences.Count;
}
