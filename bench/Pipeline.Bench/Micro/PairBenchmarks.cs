using BenchmarkDotNet.Attributes;
using Pipeline.Bench.Baselines;
using Pipeline.Bench.Macro;
using Pipeline.Core.Articles;

namespace Pipeline.Bench.Micro;

/// <summary>Aligning one pair of articles that share a planted passage: ours against the naive all-sentence-pairs DiffPlex.</summary>
[MemoryDiagnoser]
public class PairBenchmarks
{
    private Article _query = null!;
    private Article _stored = null!;
    private NaiveArticle _naiveQuery = null!;
    private NaiveArticle _naiveStored = null!;
    private readonly NaiveSentenceAligner _naive = new();

    [GlobalSetup]
    public void Setup()
    {
        var (query, stored) = MicroData.SharingPair();
        _query = OurPipeline.Prepare(query.Name, query.Text);
        _stored = OurPipeline.Prepare(stored.Name, stored.Text);
        _naiveQuery = NaiveSentenceAligner.Prepare(query.Text);
        _naiveStored = NaiveSentenceAligner.Prepare(stored.Text);
    }

    [Benchmark(Baseline = true, Description = "ours: align one pair")]
    public int Ours() => OurPipeline.Align(_query, _stored).Count;

    [Benchmark(Description = "naive: sentence x sentence DiffPlex, one pair")]
    public int Naive() => _naive.Align(_naiveQuery, _naiveStored).Count;
}
