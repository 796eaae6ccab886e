using System.Diagnostics;
using Pipeline.Bench.Baselines;
using Pipeline.Bench.Corpus;

namespace Pipeline.Bench.Macro;

/// <summary>Measurement 2: our aligner against naive all-pairs DiffPlex and difflib, on the same pairs and ground truth.</summary>
internal sealed class AlternativesRun(CorpusGenerator generator, MacroOptions options)
{
    /// <summary>Per-pair costs (ms) and recall of each method, plus the all-pairs extrapolation at this corpus size.</summary>
    public sealed record Result(
        int CorpusSize,
        int Queries,
        int SampledPairsPerQuery,
        int CandidatePairs,
        double OursPerCandidatePairMs,
        double NaivePerCandidatePairMs,
        double DifflibPerCandidatePairMs,
        double NaivePerRandomPairMs,
        double DifflibPerRandomPairMs,
        double NaivePrepareMsPerArticle,
        double DifflibTokenizeMsPerArticle,
        int ExpectedPairs,
        int OursFound,
        int NaiveFound,
        int DifflibFound,
        double OursMedianPerQueryMs,
        double OursMedianPerQueryWithLoadMs)
    {
        /// <summary>Naive all-pairs time for one new article against the whole corpus: per-pair cost × corpus size.</summary>
        public double NaiveAllPairsPerQueryMs => NaivePerRandomPairMs * CorpusSize;

        /// <summary>difflib all-pairs time for one new article against the whole corpus.</summary>
        public double DifflibAllPairsPerQueryMs => DifflibPerRandomPairMs * CorpusSize;
    }

    public async Task<Result> RunAsync(ScalingRun.SizeResult size, Action<string> log, CancellationToken cancellationToken = default)
    {
        var cases = size.Cases.Take(options.Quick ? 3 : 6).ToList();
        var naive = new NaiveSentenceAligner();
        var rng = new Prng(options.Seed ^ 0xA17E);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var difflibPairs = new List<(string A, string B)>();
        var randomPairs = new HashSet<(string, string)>();
        var candidatePairs = new HashSet<(string, string)>();
        var oursPair = new List<double>();
        var naiveCandidate = new List<double>();
        var naiveRandom = new List<double>();
        var naivePrepare = new List<double>();
        int expectedPairs = 0, oursFound = 0, naiveFound = 0;
        var clock = new Stopwatch();

        foreach (var c in cases)
        {
            texts[c.Query.Name] = c.Query.Text;
            clock.Restart();
            var queryNaive = NaiveSentenceAligner.Prepare(c.Query.Text);
            naivePrepare.Add(clock.Elapsed.TotalMilliseconds);
            var queryArticle = OurPipeline.Prepare(c.Query.Name, c.Query.Text);

            // Same candidate pairs: ours (again, pair by pair) and naive on exactly what our index proposed.
            foreach (var name in c.Candidates)
            {
                var stored = generator.Stored(CorpusGenerator.StoredIndexOf(name)!.Value);
                texts[stored.Name] = stored.Text;
                var storedArticle = OurPipeline.Prepare(stored.Name, stored.Text);
                var storedNaive = NaiveSentenceAligner.Prepare(stored.Text);
                clock.Restart();
                _ = OurPipeline.Align(queryArticle, storedArticle);
                oursPair.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                _ = naive.Align(queryNaive, storedNaive);
                naiveCandidate.Add(clock.Elapsed.TotalMilliseconds);
                candidatePairs.Add((c.Query.Name, stored.Name));
                difflibPairs.Add((c.Query.Name, stored.Name));
            }

            // A random sample of the corpus: what all-pairs costs per pair, extrapolated to the whole corpus.
            for (var s = 0; s < options.NaiveSample; s++)
            {
                var stored = generator.Stored(rng.Next(size.CorpusSize));
                texts[stored.Name] = stored.Text;
                clock.Restart();
                var storedNaive = NaiveSentenceAligner.Prepare(stored.Text);
                naivePrepare.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                _ = naive.Align(queryNaive, storedNaive);
                naiveRandom.Add(clock.Elapsed.TotalMilliseconds);
                if (randomPairs.Add((c.Query.Name, stored.Name)))
                {
                    difflibPairs.Add((c.Query.Name, stored.Name));
                }
            }

            // Ground truth: every expected pair, for every method (all-pairs methods see every pair by definition).
            foreach (var match in c.Expected)
            {
                var stored = generator.Stored(match.StoredIndex);
                texts[stored.Name] = stored.Text;
                expectedPairs++;
                var kept = naive.Align(queryNaive, NaiveSentenceAligner.Prepare(stored.Text));
                if (SpanCoverage.Found((match.InQuery.Start, match.InQuery.End), (match.InStored.Start, match.InStored.End),
                        kept.Select(k => ((k.A.Start, k.A.End), (k.B.Start, k.B.End)))))
                {
                    naiveFound++;
                }

                if (c.Candidates.Contains(stored.Name))
                {
                    var alignments = OurPipeline.Align(queryArticle, OurPipeline.Prepare(stored.Name, stored.Text));
                    if (SpanCoverage.Found((match.InQuery.Start, match.InQuery.End), (match.InStored.Start, match.InStored.End),
                            alignments.Select(a => ScalingRun.Sides(a, c.Query.Name))))
                    {
                        oursFound++;
                    }
                }

                if (!candidatePairs.Contains((c.Query.Name, stored.Name)) && !randomPairs.Contains((c.Query.Name, stored.Name)))
                {
                    difflibPairs.Add((c.Query.Name, stored.Name));
                }
            }

            log($"  alternatives: query {c.Query.Name}: {c.Candidates.Count} candidates, {c.Expected.Count} expected pairs");
        }

        log($"  running difflib on {difflibPairs.Count} pairs ...");
        var (tokenizeSeconds, difflib) = await DifflibRunner.RunAsync(texts, difflibPairs, cancellationToken);
        var byPair = difflib.GroupBy(p => (p.A, p.B)).ToDictionary(g => g.Key, g => g.First());
        var difflibFound = 0;
        foreach (var c in cases)
        {
            foreach (var match in c.Expected)
            {
                var result = byPair[(c.Query.Name, generator.Stored(match.StoredIndex).Name)];
                if (SpanCoverage.Found((match.InQuery.Start, match.InQuery.End), (match.InStored.Start, match.InStored.End),
                        result.Blocks.Select(b => ((b.AStart, b.AEnd), (b.BStart, b.BEnd)))))
                {
                    difflibFound++;
                }
            }
        }

        var timings = size.Queries;
        return new Result(
            size.CorpusSize,
            cases.Count,
            options.NaiveSample,
            candidatePairs.Count,
            Stats.Mean(oursPair),
            Stats.Mean(naiveCandidate),
            Stats.Mean(candidatePairs.Select(p => byPair[p].Seconds * 1000)),
            Stats.Mean(naiveRandom),
            Stats.Mean(randomPairs.Select(p => byPair[p].Seconds * 1000)),
            Stats.Mean(naivePrepare),
            tokenizeSeconds * 1000 / texts.Count,
            expectedPairs,
            oursFound,
            naiveFound,
            difflibFound,
            Stats.Median(timings.Select(t => t.IncrementalMs)),
            Stats.Median(timings.Select(t => t.WithLoadMs)));
    }
}
