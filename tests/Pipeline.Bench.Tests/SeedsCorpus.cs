using Pipeline.Bench.Corpus;

namespace Pipeline.Bench.Tests;

/// <summary>The generator over the repository's seeds/ only: tests never depend on ../shared.</summary>
internal static class SeedsCorpus
{
    private static readonly Lazy<SentencePool> LazyPool = new(() =>
        SentencePool.Harvest(RealCorpus.Load(RealCorpus.FindSeeds()
            ?? throw new DirectoryNotFoundException("seeds/ not found above the test binary; run the tests from the repository."))));

    public static SentencePool Pool => LazyPool.Value;

    public static CorpusGenerator Generator(ulong seed = 42) => new(Pool, seed, queryStories: 25);
}
