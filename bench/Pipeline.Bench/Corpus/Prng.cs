namespace Pipeline.Bench.Corpus;

/// <summary>
/// A small, fully specified PRNG (SplitMix64) so a corpus is the same on every machine and runtime:
/// System.Random's seeded algorithm is an implementation detail we do not want a benchmark to depend on.
/// </summary>
internal struct Prng
{
    private ulong _state;

    public Prng(ulong seed) => _state = seed;

    /// <summary>A generator for one named stream (article, story, passage) derived from the corpus seed.</summary>
    public static Prng For(ulong seed, ulong stream, ulong index) =>
        new(Mix(seed ^ Mix(stream * 0x9E3779B97F4A7C15UL ^ Mix(index + 0x632BE59BD9B4E019UL))));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Uniform in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
