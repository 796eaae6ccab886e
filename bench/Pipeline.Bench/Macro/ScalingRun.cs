using System.Diagnostics;
using Pipeline.Bench.Corpus;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Bench.Macro;

/// <summary>Measurement 1 and 5: incremental alignment cost and memory against corpus size.</summary>
internal sealed class ScalingRun(CorpusGenerator generator, MacroOptions options)
{
    private const int BuildChunk = 2_000;
    private const int WarmupQueries = 3;

    /// <summary>One corpus size: how the index was built, what it holds, and every query's timing.</summary>
    public sealed record SizeResult(
        int CorpusSize,
        double BuildSeconds,
        double AddSeconds,
        int IndexedArticles,
        long HeapBytesBefore,
        long HeapBytesAfter,
        long WorkingSetGrowthBytes,
        long PeakWorkingSetBytes,
        IReadOnlyList<QueryTiming> Queries,
        IReadOnlyList<QueryCase> Cases);

    /// <summary>A query's article and our results for it, kept for the comparison with the alternatives.</summary>
    public sealed record QueryCase(GeneratedArticle Query, IReadOnlyList<ExpectedMatch> Expected, IReadOnlyList<string> Candidates);

    /// <summary>
    /// Builds every index first, then asks each query of every size in turn (round-robin), so load from other
    /// processes on a shared machine falls on all sizes alike instead of on whichever size happened to run then.
    /// </summary>
    public List<SizeResult> Run(IReadOnlyList<int> sizes, Action<string> log)
    {
        var built = sizes.Select(size => Build(size, log)).ToList();
        var timings = built.Select(_ => new List<QueryTiming>()).ToList();
        var cases = built.Select(_ => new List<QueryCase>()).ToList();
        for (var q = -WarmupQueries; q < options.Queries; q++)
        {
            // Warm-up queries use their own numbers past the measured ones so they never repeat a measured query.
            var number = q < 0 ? options.Queries + 1000 - q : q;
            for (var s = 0; s < built.Count; s++)
            {
                var (timing, queryCase) = RunQuery(built[s].Pipeline, number, built[s].Result.CorpusSize);
                if (q >= 0)
                {
                    timings[s].Add(timing);
                    cases[s].Add(queryCase);
                }
            }

            if (q >= 0 && q % 10 == 9)
            {
                log($"  {q + 1}/{options.Queries} new articles asked of every size");
            }
        }

        return built.Select((b, s) => b.Result with { Queries = timings[s], Cases = cases[s] }).ToList();
    }

    private (OurPipeline Pipeline, SizeResult Result) Build(int corpusSize, Action<string> log)
    {
        log($"corpus {corpusSize:N0}: building the index");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var pipeline = new OurPipeline();
        var build = Stopwatch.StartNew();
        var add = new Stopwatch();
        var buffer = new (string Name, IReadOnlyList<Shingle> Shingles)[BuildChunk];
        for (var from = 0; from < corpusSize; from += BuildChunk)
        {
            var count = Math.Min(BuildChunk, corpusSize - from);
            var first = from;
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var stored = generator.Stored(first + i);
                var article = OurPipeline.Prepare(stored.Name, stored.Text);
                buffer[i] = (stored.Name, OurPipeline.Fingerprint(article));
            });
            add.Start();
            for (var i = 0; i < count; i++)
            {
                pipeline.Add(buffer[i].Name, buffer[i].Shingles);
                buffer[i] = default;
            }

            add.Stop();
            if ((from / BuildChunk) % 10 == 9)
            {
                log($"  indexed {from + count:N0}/{corpusSize:N0} ({build.Elapsed.TotalSeconds:F0} s)");
            }
        }

        build.Stop();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        log($"  index of {corpusSize:N0} built in {build.Elapsed.TotalSeconds:F1} s (adds {add.Elapsed.TotalSeconds:F1} s), heap {(heapAfter - heapBefore) / 1048576.0:F0} MiB retained");
        return (pipeline, new SizeResult(corpusSize, build.Elapsed.TotalSeconds, add.Elapsed.TotalSeconds, pipeline.Count,
            heapBefore, heapAfter, process.WorkingSet64 - workingSetBefore, process.PeakWorkingSet64, [], []));
    }

    private (QueryTiming, QueryCase) RunQuery(OurPipeline pipeline, int number, int corpusSize)
    {
        var query = generator.Query(number);
        var expected = generator.Expected(number, query, corpusSize);
        var clock = Stopwatch.StartNew();
        var article = OurPipeline.Prepare(query.Name, query.Text);
        var prepare = Lap(clock);
        var cpuStart = ThreadCpu.Milliseconds();
        var shingles = OurPipeline.Fingerprint(article);
        var fingerprint = Lap(clock);
        var ranked = pipeline.FindRanked(shingles, query.Name);
        var find = Lap(clock);
        var cpuFind = ThreadCpu.Milliseconds() - cpuStart;
        var candidates = ranked.Select(c => c.Article).ToList();

        // The index holds no texts; candidates are re-created from their seed and prepared again, which stands in
        // for reading their prepared form back from storage. Timed apart so both views can be reported.
        // Regenerating the text is a benchmark artefact and is not charged; preparing it again is.
        var texts = new List<(string Name, byte[] Content)>(candidates.Count);
        foreach (var name in candidates)
        {
            var index = CorpusGenerator.StoredIndexOf(name) ?? throw new InvalidDataException($"unexpected candidate {name}");
            var stored = generator.Stored(index);
            texts.Add((stored.Name, System.Text.Encoding.UTF8.GetBytes(stored.Text)));
        }

        clock.Restart();
        var cpuLoadStart = ThreadCpu.Milliseconds();
        var loaded = new List<Article>(candidates.Count);
        foreach (var (name, content) in texts)
        {
            loaded.Add(OurPipeline.Prepare(name, content));
        }

        var load = Lap(clock);
        var cpuAlignStart = ThreadCpu.Milliseconds();
        var cpuLoad = cpuAlignStart - cpuLoadStart;
        var alignments = new Dictionary<string, IReadOnlyList<Core.Alignments.Alignment>>(StringComparer.Ordinal);
        var pairMs = new double[loaded.Count];
        for (var i = 0; i < loaded.Count; i++)
        {
            var before = clock.Elapsed.TotalMilliseconds;
            alignments[loaded[i].Name] = OurPipeline.Align(article, loaded[i]);
            pairMs[i] = clock.Elapsed.TotalMilliseconds - before;
        }

        var align = Lap(clock);
        var cpuAlign = ThreadCpu.Milliseconds() - cpuAlignStart;
        var found = 0;
        var expectedCandidates = 0;
        var perCandidate = new Dictionary<string, (int Found, int Expected)>(StringComparer.Ordinal);
        foreach (var match in expected)
        {
            var name = generator.Stored(match.StoredIndex).Name;
            if (!alignments.TryGetValue(name, out var list))
            {
                continue;
            }

            expectedCandidates++;
            var hit = SpanCoverage.Found((match.InQuery.Start, match.InQuery.End), (match.InStored.Start, match.InStored.End),
                list.Select(a => Sides(a, query.Name)));
            found += hit ? 1 : 0;
            var (f, e) = perCandidate.GetValueOrDefault(name);
            perCandidate[name] = (f + (hit ? 1 : 0), e + 1);
        }

        var costs = ranked.Select((c, i) =>
        {
            var (f, e) = perCandidate.GetValueOrDefault(c.Article);
            return new CandidateCost(c.SharedShingles, pairMs[i], alignments[c.Article].Count, f, e);
        }).ToList();

        return (new QueryTiming(corpusSize, number, prepare, fingerprint, find, load, align, candidates.Count,
                expected.Count, found, expectedCandidates, costs, cpuFind + cpuAlign, cpuFind + cpuAlign + cpuLoad),
            new QueryCase(query, expected, candidates));
    }

    /// <summary>An alignment's spans as (query side, stored side), whichever order the aligner reports them in.</summary>
    public static ((int, int) Query, (int, int) Stored) Sides(Core.Alignments.Alignment alignment, string queryName) =>
        alignment.Source.Article == queryName
            ? ((alignment.Source.Start, alignment.Source.End), (alignment.Target.Start, alignment.Target.End))
            : ((alignment.Target.Start, alignment.Target.End), (alignment.Source.Start, alignment.Source.End));

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
