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
        long PeakWorkingSetBytes,
        IReadOnlyList<QueryTiming> Queries,
        IReadOnlyList<QueryCase> Cases);

    /// <summary>A query's article and our results for it, kept for the comparison with the alternatives.</summary>
    public sealed record QueryCase(GeneratedArticle Query, IReadOnlyList<ExpectedMatch> Expected, IReadOnlyList<string> Candidates);

    public SizeResult Run(int corpusSize, Action<string> log)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
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
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        log($"  index of {corpusSize:N0} built in {build.Elapsed.TotalSeconds:F1} s (adds {add.Elapsed.TotalSeconds:F1} s), heap {(heapAfter - heapBefore) / 1048576.0:F0} MiB retained");

        var timings = new List<QueryTiming>();
        var cases = new List<QueryCase>();
        for (var q = -WarmupQueries; q < options.Queries; q++)
        {
            // Warm-up queries use their own numbers past the measured ones so they never repeat a measured query.
            var number = q < 0 ? options.Queries + 1000 - q : q;
            var (timing, queryCase) = RunQuery(pipeline, number, corpusSize);
            if (q >= 0)
            {
                timings.Add(timing);
                cases.Add(queryCase);
            }
        }

        GC.KeepAlive(pipeline);
        return new SizeResult(corpusSize, build.Elapsed.TotalSeconds, add.Elapsed.TotalSeconds, pipeline.Count,
            heapBefore, heapAfter, peak, timings, cases);
    }

    private (QueryTiming, QueryCase) RunQuery(OurPipeline pipeline, int number, int corpusSize)
    {
        var query = generator.Query(number);
        var expected = generator.Expected(number, query, corpusSize);
        var clock = Stopwatch.StartNew();
        var article = OurPipeline.Prepare(query.Name, query.Text);
        var prepare = Lap(clock);
        var shingles = OurPipeline.Fingerprint(article);
        var fingerprint = Lap(clock);
        var candidates = pipeline.FindCandidates(shingles, query.Name);
        var find = Lap(clock);

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
        var loaded = new List<Article>(candidates.Count);
        foreach (var (name, content) in texts)
        {
            loaded.Add(OurPipeline.Prepare(name, content));
        }

        var load = Lap(clock);
        var alignments = new Dictionary<string, IReadOnlyList<Core.Alignments.Alignment>>(StringComparer.Ordinal);
        foreach (var candidate in loaded)
        {
            alignments[candidate.Name] = OurPipeline.Align(article, candidate);
        }

        var align = Lap(clock);
        var found = 0;
        var expectedCandidates = 0;
        foreach (var match in expected)
        {
            var name = generator.Stored(match.StoredIndex).Name;
            if (!alignments.TryGetValue(name, out var list))
            {
                continue;
            }

            expectedCandidates++;
            if (SpanCoverage.Found((match.InQuery.Start, match.InQuery.End), (match.InStored.Start, match.InStored.End),
                    list.Select(a => Sides(a, query.Name))))
            {
                found++;
            }
        }

        return (new QueryTiming(corpusSize, number, prepare, fingerprint, find, load, align, candidates.Count,
                expected.Count, found, expectedCandidates),
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
