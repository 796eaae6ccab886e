using Pipeline.Bench.Corpus;

namespace Pipeline.Bench.Micro;

/// <summary>The inputs every micro-benchmark shares, built once per process from the same generator as the macro run.</summary>
internal static class MicroData
{
    private static readonly Lazy<CorpusGenerator> LazyGenerator = new(() =>
        new CorpusGenerator(SentencePool.Harvest(RealCorpus.Locate(Environment.GetEnvironmentVariable("PIPELINE_BENCH_CORPUS"))), 20_180_101));

    public static CorpusGenerator Generator => LazyGenerator.Value;

    /// <summary>A new article and a stored article of its story that shares at least one planted passage with it.</summary>
    public static (GeneratedArticle Query, GeneratedArticle Stored) SharingPair()
    {
        for (var q = 0; ; q++)
        {
            var query = Generator.Query(q);
            var expected = Generator.Expected(q, query, 1_000);
            if (expected.Count > 0)
            {
                return (query, Generator.Stored(expected[0].StoredIndex));
            }
        }
    }
}
