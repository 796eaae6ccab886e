using BenchmarkDotNet.Attributes;
using Pipeline.Bench.Macro;
using Pipeline.Core.Candidates;

namespace Pipeline.Bench.Micro;

/// <summary>Candidate lookup for one new article in indexes of growing size: the part that must not grow with the corpus.</summary>
[MemoryDiagnoser]
public class IndexBenchmarks
{
    private OurPipeline _pipeline = null!;
    private IReadOnlyList<Shingle> _query = null!;
    private string _queryName = null!;

    [Params(1_000, 10_000)]
    public int Stored { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new OurPipeline();
        var generator = MicroData.Generator;
        var shingles = new (string, IReadOnlyList<Shingle>)[Stored];
        Parallel.For(0, Stored, i =>
        {
            var article = generator.Stored(i);
            shingles[i] = (article.Name, OurPipeline.Fingerprint(OurPipeline.Prepare(article.Name, article.Text)));
        });
        foreach (var (name, list) in shingles)
        {
            _pipeline.Add(name, list);
        }

        var query = generator.Query(0);
        _queryName = query.Name;
        _query = OurPipeline.Fingerprint(OurPipeline.Prepare(query.Name, query.Text));
    }

    [Benchmark(Description = "find candidates for one new article")]
    public int Find() => _pipeline.FindCandidates(_query, _queryName).Count;
}
