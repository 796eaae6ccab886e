using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Bench.Corpus;

namespace Pipeline.Bench.Macro;

/// <summary>The macro benchmark: every figure of docs/performance.md in one run on one machine.</summary>
internal static class MacroRun
{
    public static async Task<int> RunAsync(MacroOptions options, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{started.Elapsed.TotalSeconds,6:F1}s] {message}");
        Directory.CreateDirectory(options.OutputDirectory);
        var sizes = options.Sizes.Order().ToList();

        var real = RealCorpus.Locate(options.CorpusPath);
        var pool = SentencePool.Harvest(real);
        var generator = new CorpusGenerator(pool, options.Seed, queryStories: Math.Max(1, sizes[0] / CorpusGenerator.StorySize));
        var report = new MacroReport();
        report.Line($"# Benchmark results{(options.Quick ? " (quick run: small sizes, few queries; not the published figures)" : string.Empty)}");
        report.Line();
        report.Line($"- Load average at start (1/5/15 min): {LoadAverage()} — other processes share these cores; wall-clock figures include waiting for them, thread-CPU figures do not.");
        report.Line($"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}; run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        report.Line($"- Real text: {real.Articles.Count} articles from `{Path.GetFileName(real.Origin.TrimEnd('/'))}` → {pool.Sentences.Count:N0} sentences, {pool.Quotable.Count:N0} distinct quotable ones.");
        report.Line($"- Generated corpora: seed {options.Seed}, stories of {CorpusGenerator.StorySize} articles, 1–3 planted passages per story; queries join the first {generator.QueryStories:N0} stories, so every size answers the same {options.Queries} questions.");
        report.Line();

        if (options.EndToEndOnly)
        {
            Log("end to end over Azurite (only)");
            await EndToEnd.RunAsync(report, generator, options, Log, cancellationToken);
            report.Line($"Load average at the end: {LoadAverage()}.");
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results-e2e.md"), report.Markdown, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results-e2e.csv"), report.Csv, cancellationToken);
            return 0;
        }

        Warm(generator);
        var scaling = new ScalingRun(generator, options);
        var sizeResults = new List<ScalingRun.SizeResult>();
        AlternativesRun.Result? alternatives = null;
        var alternativesSize = sizes.Contains(10_000) ? 10_000 : sizes[Math.Min(1, sizes.Count - 1)];
        foreach (var result in scaling.Run(sizes, Log))
        {
            sizeResults.Add(result with { Cases = result.CorpusSize == alternativesSize ? result.Cases : [] });
            Log($"corpus {result.CorpusSize:N0}: median {Stats.Median(result.Queries.Select(q => q.IncrementalMs)):F2} ms per new article, {Stats.Median(result.Queries.Select(q => (double)q.Candidates)):F0} candidates");
        }

        var forAlternatives = sizeResults.First(r => r.CorpusSize == alternativesSize);
        Log($"corpus {alternativesSize:N0}: alternatives (naive DiffPlex all-pairs, difflib)");
        alternatives = await new AlternativesRun(generator, options).RunAsync(forAlternatives, Log, cancellationToken);

        WriteScaling(report, sizeResults);
        if (alternatives is not null)
        {
            WriteAlternatives(report, alternatives);
        }

        await SaveAsync(options, report, Plot(sizeResults, alternatives), cancellationToken);
        Log("floor: read + tokenize vs the full path");
        var floors = new List<FloorRun.Result>
        {
            FloorRun.Run($"real ({Path.GetFileName(real.Origin.TrimEnd('/'))})",
                real.Articles.Select(a => (a.Name, Encoding.UTF8.GetBytes(a.Text))).ToList()),
        };
        var floorSize = options.Quick ? 300 : 1_000;
        floors.Add(FloorRun.Run($"generated {floorSize:N0}",
            Enumerable.Range(0, floorSize).Select(i => generator.Stored(i)).Select(a => (a.Name, Encoding.UTF8.GetBytes(a.Text))).ToList()));
        WriteFloor(report, floors);

        if (options.EndToEnd)
        {
            Log("end to end over Azurite");
            await EndToEnd.RunAsync(report, generator, options, Log, cancellationToken);
        }

        report.Line($"Load average at the end: {LoadAverage()}.");
        await SaveAsync(options, report, Plot(sizeResults, alternatives), cancellationToken);
        Log($"wrote results.md, results.csv and time-per-article.svg to {options.OutputDirectory} ({started.Elapsed.TotalSeconds:F0} s in all)");
        return 0;
    }

    // Saved after each section too, so a long run that dies late still leaves its figures behind.
    private static async Task SaveAsync(MacroOptions options, MacroReport report, string svg, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "time-per-article.svg"), svg, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results.csv"), report.Csv, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results.md"), report.Markdown, cancellationToken);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Warm(CorpusGenerator generator)
    {
        // JIT and tiering: run the whole path over a few hundred articles before anything is timed, so the first
        // corpus size is not charged for tier-0 code.
        var pipeline = new OurPipeline();
        var articles = Enumerable.Range(0, 400).Select(i => generator.Stored(i)).Select(a => OurPipeline.Prepare(a.Name, a.Text)).ToList();
        var byName = articles.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var shingles = OurPipeline.Fingerprint(article);
            foreach (var name in pipeline.FindCandidates(shingles, article.Name))
            {
                _ = OurPipeline.Align(article, byName[name]);
            }

            pipeline.Add(article.Name, shingles);
        }
    }

    private static void WriteScaling(MacroReport report, List<ScalingRun.SizeResult> results)
    {
        report.Line("## 1. Incremental alignment against corpus size (and 5. memory)");
        report.Line();
        report.Line("Time to align one new article against an in-memory index of N stored articles: fingerprint + candidate lookup + alignment with every candidate. " +
                    "\"+ load\" adds preparing every candidate article again from its text: the index keeps no texts, so this stands in for reading a candidate back from storage (regenerating the text from its seed is a benchmark artefact and is not charged).");
        report.Line();
        report.Header("N stored", "new articles", "candidates (median)", "prepare new (median)", "align median", "align p90", "align CPU median", "+ load median", "+ load p90", "recall", "expected pairs the index missed", "index build", "heap held by index", "per article", "working set growth", "peak working set so far");
        foreach (var r in results)
        {
            var q = r.Queries;
            var expected = q.Sum(t => t.Expected);
            var found = q.Sum(t => t.Found);
            var heap = r.HeapBytesAfter - r.HeapBytesBefore;
            report.Row(r.CorpusSize, q.Count, Stats.Median(q.Select(t => (double)t.Candidates)).ToString("N0", CultureInfo.InvariantCulture),
                MacroReport.Ms(Stats.Median(q.Select(t => t.PrepareMs))),
                MacroReport.Ms(Stats.Median(q.Select(t => t.IncrementalMs))), MacroReport.Ms(Stats.P90(q.Select(t => t.IncrementalMs))),
                MacroReport.Ms(Stats.Median(q.Select(t => t.IncrementalCpuMs))),
                MacroReport.Ms(Stats.Median(q.Select(t => t.WithLoadMs))), MacroReport.Ms(Stats.P90(q.Select(t => t.WithLoadMs))),
                $"{found}/{expected} ({MacroReport.Pct((double)found / expected)})",
                $"{expected - q.Sum(t => t.ExpectedCandidates)}",
                $"{r.BuildSeconds:F1} s ({r.CorpusSize / r.BuildSeconds:N0}/s)",
                MacroReport.MiB(heap), $"{heap / (double)r.CorpusSize / 1024:N1} KiB", MacroReport.MiB(r.WorkingSetGrowthBytes), MacroReport.MiB(r.PeakWorkingSetBytes));
            const string S = "incremental";
            report.Figure(S, r.CorpusSize, "align_median", Stats.Median(q.Select(t => t.IncrementalMs)), "ms");
            report.Figure(S, r.CorpusSize, "align_p90", Stats.P90(q.Select(t => t.IncrementalMs)), "ms");
            report.Figure(S, r.CorpusSize, "align_cpu_median", Stats.Median(q.Select(t => t.IncrementalCpuMs)), "ms");
            report.Figure(S, r.CorpusSize, "align_with_load_cpu_median", Stats.Median(q.Select(t => t.WithLoadCpuMs)), "ms");
            report.Figure(S, r.CorpusSize, "align_with_load_median", Stats.Median(q.Select(t => t.WithLoadMs)), "ms");
            report.Figure(S, r.CorpusSize, "align_with_load_p90", Stats.P90(q.Select(t => t.WithLoadMs)), "ms");
            report.Figure(S, r.CorpusSize, "fingerprint_median", Stats.Median(q.Select(t => t.FingerprintMs)), "ms");
            report.Figure(S, r.CorpusSize, "find_median", Stats.Median(q.Select(t => t.FindMs)), "ms");
            report.Figure(S, r.CorpusSize, "pairwise_align_median", Stats.Median(q.Select(t => t.AlignMs)), "ms");
            report.Figure(S, r.CorpusSize, "prepare_new_median", Stats.Median(q.Select(t => t.PrepareMs)), "ms");
            report.Figure(S, r.CorpusSize, "candidates_median", Stats.Median(q.Select(t => (double)t.Candidates)), "articles");
            report.Figure(S, r.CorpusSize, "recall", (double)found / expected, "share");
            report.Figure(S, r.CorpusSize, "index_build", r.BuildSeconds, "s");
            report.Figure("memory", r.CorpusSize, "index_heap", heap, "bytes");
            report.Figure("memory", r.CorpusSize, "heap_after_full_gc", r.HeapBytesAfter, "bytes");
            report.Figure("memory", r.CorpusSize, "peak_working_set_so_far", r.PeakWorkingSetBytes, "bytes");
            report.Figure("memory", r.CorpusSize, "working_set_growth", r.WorkingSetGrowthBytes, "bytes");
            report.Figure(S, r.CorpusSize, "expected_pairs_not_candidates", expected - q.Sum(t => t.ExpectedCandidates), "pairs");
        }

        report.Line();
        report.Line("Stage medians (ms): " + string.Join("; ", results.Select(r =>
            $"N={r.CorpusSize:N0}: fingerprint {Stats.Median(r.Queries.Select(t => t.FingerprintMs)):F2}, find {Stats.Median(r.Queries.Select(t => t.FindMs)):F2}, " +
            $"align {Stats.Median(r.Queries.Select(t => t.AlignMs)):F2}, load {Stats.Median(r.Queries.Select(t => t.LoadMs)):F2}")));
        var first = results[0];
        var last = results[^1];
        var ratio = Stats.Median(last.Queries.Select(t => t.IncrementalMs)) / Stats.Median(first.Queries.Select(t => t.IncrementalMs));
        var ratioP90 = Stats.P90(last.Queries.Select(t => t.IncrementalMs)) / Stats.P90(first.Queries.Select(t => t.IncrementalMs));
        var ratioLoad = Stats.Median(last.Queries.Select(t => t.WithLoadMs)) / Stats.Median(first.Queries.Select(t => t.WithLoadMs));
        var ratioCpu = Stats.Median(last.Queries.Select(t => t.IncrementalCpuMs)) / Stats.Median(first.Queries.Select(t => t.IncrementalCpuMs));
        report.Line();
        report.Line($"**Goal: time at {last.CorpusSize:N0} ≤ 3× time at {first.CorpusSize:N0}: median {MacroReport.X(ratio)}, p90 {MacroReport.X(ratioP90)}, thread CPU median {MacroReport.X(ratioCpu)}, with load {MacroReport.X(ratioLoad)} → {(ratio <= 3 ? "MET" : "MISSED")} (judged on the wall-clock median).**");
        report.Figure("incremental", last.CorpusSize, "median_ratio_to_smallest", ratio, "ratio");
        WriteCandidateFilter(report, results);
        report.Line("All indexes are built first (ascending) and kept; then each new article is asked of every size in turn, so machine load falls on all sizes alike. " +
                    "Memory: heap held by index = managed heap after a full, compacting GC minus before building it (exact for the index); working set growth is the process's resident memory after minus before the build; peak working set is the process's peak so far (it includes the smaller indexes, still held).");
        report.Line();
    }

    private static void WriteCandidateFilter(MacroReport report, List<ScalingRun.SizeResult> results)
    {
        report.Line();
        report.Line("### Where the incremental time goes: candidates that align nothing");
        report.Line();
        report.Line("Every candidate of every new article was aligned and timed on its own. This replays the same measurements keeping only candidates " +
                    "that share at least K shingles with the new article (what `CandidateOptions.MinSharedShingles = K` would do; the default is 1). Nothing is re-run.");
        report.Line();
        report.Header("N stored", "K", "candidates (median)", "align median", "align p90", "recall", "candidates with any alignment");
        foreach (var r in results)
        {
            foreach (var k in new[] { 1, 2, 3, 4, 6 })
            {
                var times = r.Queries.Select(q => q.FingerprintMs + q.FindMs + q.Costs.Where(c => c.SharedShingles >= k).Sum(c => c.AlignMs)).ToList();
                var kept = r.Queries.SelectMany(q => q.Costs.Where(c => c.SharedShingles >= k)).ToList();
                var found = kept.Sum(c => c.ExpectedFound);
                var expected = r.Queries.Sum(q => q.Expected);
                var fruitful = kept.Count(c => c.Alignments > 0);
                report.Row(r.CorpusSize, k == 1 ? "1 (default)" : k.ToString(CultureInfo.InvariantCulture),
                    Stats.Median(r.Queries.Select(q => (double)q.Costs.Count(c => c.SharedShingles >= k))).ToString("N0", CultureInfo.InvariantCulture),
                    MacroReport.Ms(Stats.Median(times)), MacroReport.Ms(Stats.P90(times)),
                    $"{found}/{expected} ({MacroReport.Pct((double)found / expected)})",
                    $"{fruitful:N0}/{kept.Count:N0} ({MacroReport.Pct(kept.Count == 0 ? double.NaN : (double)fruitful / kept.Count)})");
                report.Figure("candidate_filter", r.CorpusSize, $"align_median_min_shared_{k}", Stats.Median(times), "ms");
                report.Figure("candidate_filter", r.CorpusSize, $"recall_min_shared_{k}", (double)found / expected, "share");
            }
        }

        report.Line();
    }

    private static void WriteAlternatives(MacroReport report, AlternativesRun.Result a)
    {
        report.Line($"## 2. Against the obvious alternatives at N = {a.CorpusSize:N0}");
        report.Line();
        report.Line($"{a.Queries} new articles. \"Candidate pairs\" are the {a.CandidatePairs} pairs our index proposed for them; every method runs on exactly those. " +
                    $"All-pairs cost per new article is measured on {a.SampledPairsPerQuery} random stored articles per new article and **extrapolated** to all {a.CorpusSize:N0} (per-pair mean × N); " +
                    "the stored side's sentence splitting / tokenizing is not charged to the baselines (as if cached). Recall is over the planted passages of every expected pair; the all-pairs methods see every pair by construction.");
        report.Line();
        report.Header("method", "per candidate pair", "per random pair", $"one new article vs all {a.CorpusSize:N0}", "ours is faster by", "recall");
        var ours = a.OursMedianPerQueryMs;
        report.Row("ours (index + aligner)", MacroReport.Ms(a.OursPerCandidatePairMs), "not aligned (not a candidate)",
            $"{MacroReport.Ms(ours)} measured median ({MacroReport.Ms(a.OursMedianPerQueryWithLoadMs)} with load)", "—",
            $"{a.OursFound}/{a.ExpectedPairs} ({MacroReport.Pct((double)a.OursFound / a.ExpectedPairs)})");
        report.Row("naive sentence × sentence DiffPlex", MacroReport.Ms(a.NaivePerCandidatePairMs), MacroReport.Ms(a.NaivePerRandomPairMs),
            $"{MacroReport.Ms(a.NaiveAllPairsPerQueryMs)} extrapolated", MacroReport.X(a.NaiveAllPairsPerQueryMs / ours),
            $"{a.NaiveFound}/{a.ExpectedPairs} ({MacroReport.Pct((double)a.NaiveFound / a.ExpectedPairs)})");
        report.Row("Python difflib.SequenceMatcher (words)", MacroReport.Ms(a.DifflibPerCandidatePairMs), MacroReport.Ms(a.DifflibPerRandomPairMs),
            $"{MacroReport.Ms(a.DifflibAllPairsPerQueryMs)} extrapolated", MacroReport.X(a.DifflibAllPairsPerQueryMs / ours),
            $"{a.DifflibFound}/{a.ExpectedPairs} ({MacroReport.Pct((double)a.DifflibFound / a.ExpectedPairs)})");
        report.Line();
        report.Line($"On the same candidate pairs, per pair: ours {MacroReport.Ms(a.OursPerCandidatePairMs)}, naive {MacroReport.Ms(a.NaivePerCandidatePairMs)} ({MacroReport.X(a.NaivePerCandidatePairMs / a.OursPerCandidatePairMs)}), difflib {MacroReport.Ms(a.DifflibPerCandidatePairMs)} ({MacroReport.X(a.DifflibPerCandidatePairMs / a.OursPerCandidatePairMs)}). " +
                    $"Preparing one article: naive split {MacroReport.Ms(a.NaivePrepareMsPerArticle)}, difflib tokenize {MacroReport.Ms(a.DifflibTokenizeMsPerArticle)}.");
        var speedup = a.NaiveAllPairsPerQueryMs / ours;
        var met = speedup >= 50 && a.OursFound >= a.NaiveFound;
        report.Line();
        report.Line($"**Goal: ≥ 50× faster than naive all-pairs at {a.CorpusSize:N0} with no loss of recall: {MacroReport.X(speedup)}, recall {a.OursFound} vs naive {a.NaiveFound} → {(met ? "MET" : "MISSED")}.**");
        report.Line();
        const string S = "alternatives";
        report.Figure(S, a.CorpusSize, "ours_per_candidate_pair", a.OursPerCandidatePairMs, "ms");
        report.Figure(S, a.CorpusSize, "naive_per_candidate_pair", a.NaivePerCandidatePairMs, "ms");
        report.Figure(S, a.CorpusSize, "difflib_per_candidate_pair", a.DifflibPerCandidatePairMs, "ms");
        report.Figure(S, a.CorpusSize, "naive_per_random_pair", a.NaivePerRandomPairMs, "ms");
        report.Figure(S, a.CorpusSize, "difflib_per_random_pair", a.DifflibPerRandomPairMs, "ms");
        report.Figure(S, a.CorpusSize, "ours_per_new_article", ours, "ms");
        report.Figure(S, a.CorpusSize, "naive_all_pairs_per_new_article", a.NaiveAllPairsPerQueryMs, "ms", "extrapolated");
        report.Figure(S, a.CorpusSize, "difflib_all_pairs_per_new_article", a.DifflibAllPairsPerQueryMs, "ms", "extrapolated");
        report.Figure(S, a.CorpusSize, "speedup_vs_naive", speedup, "ratio", "extrapolated");
        report.Figure(S, a.CorpusSize, "recall_ours", (double)a.OursFound / a.ExpectedPairs, "share");
        report.Figure(S, a.CorpusSize, "recall_naive", (double)a.NaiveFound / a.ExpectedPairs, "share");
        report.Figure(S, a.CorpusSize, "recall_difflib", (double)a.DifflibFound / a.ExpectedPairs, "share");
    }

    private static void WriteFloor(MacroReport report, List<FloorRun.Result> floors)
    {
        report.Line("## 3. The floor: reading and tokenizing only");
        report.Line();
        report.Line("Single-threaded, same bytes in memory. Floor = UTF-8 decode + split into case-folded word strings. Full = the incremental path for every article in turn " +
                    "(prepare, fingerprint, find candidates, align with each candidate (prepared articles kept in memory here), add to the index).");
        report.Line();
        report.Header("corpus", "articles", "MB", "floor", "full", "multiple", "multiple (thread CPU)", "prepare", "fingerprint", "find", "align", "add", "candidate pairs", "pairs with an alignment", "alignments");
        foreach (var f in floors)
        {
            double Share(double s) => s / f.FullSeconds;
            report.Row(f.Corpus, f.Articles, (f.Bytes / 1e6).ToString("N1", CultureInfo.InvariantCulture),
                $"{f.FloorSeconds:F2} s", $"{f.FullSeconds:F2} s", MacroReport.X(f.Multiple), MacroReport.X(f.CpuMultiple),
                MacroReport.Pct(Share(f.PrepareSeconds)), MacroReport.Pct(Share(f.FingerprintSeconds)), MacroReport.Pct(Share(f.FindSeconds)),
                MacroReport.Pct(Share(f.AlignSeconds)), MacroReport.Pct(Share(f.AddSeconds)), f.CandidatePairs,
                $"{f.PairsWithAlignments:N0} ({MacroReport.Pct((double)f.PairsWithAlignments / f.CandidatePairs)})", f.Alignments);
            report.Figure("floor", f.Articles, "floor", f.FloorSeconds, "s");
            report.Figure("floor", f.Articles, "full", f.FullSeconds, "s");
            report.Figure("floor", f.Articles, "floor_cpu", f.FloorCpuSeconds, "s");
            report.Figure("floor", f.Articles, "full_cpu", f.FullCpuSeconds, "s");
            report.Figure("floor", f.Articles, "prepare", f.PrepareSeconds, "s");
            report.Figure("floor", f.Articles, "fingerprint", f.FingerprintSeconds, "s");
            report.Figure("floor", f.Articles, "find", f.FindSeconds, "s");
            report.Figure("floor", f.Articles, "align", f.AlignSeconds, "s");
            report.Figure("floor", f.Articles, "add", f.AddSeconds, "s");
        }

        report.Line();
    }

    private static string Plot(List<ScalingRun.SizeResult> results, AlternativesRun.Result? alternatives)
    {
        var series = new List<SvgPlot.Series>
        {
            new("ours: median", "#1f77b4", results.Select(r => ((double)r.CorpusSize, Stats.Median(r.Queries.Select(q => q.IncrementalMs)))).ToList(), false),
            new("ours: thread CPU median", "#9467bd", results.Select(r => ((double)r.CorpusSize, Stats.Median(r.Queries.Select(q => q.IncrementalCpuMs)))).ToList(), false),
            new("ours: p90", "#6baed6", results.Select(r => ((double)r.CorpusSize, Stats.P90(r.Queries.Select(q => q.IncrementalMs)))).ToList(), false),
            new("ours + candidate load: median", "#2ca02c", results.Select(r => ((double)r.CorpusSize, Stats.Median(r.Queries.Select(q => q.WithLoadMs)))).ToList(), false),
        };
        if (alternatives is not null)
        {
            series.Add(new("naive DiffPlex all-pairs (extrap.)", "#d62728",
                results.Select(r => ((double)r.CorpusSize, alternatives.NaivePerRandomPairMs * r.CorpusSize)).ToList(), true));
            series.Add(new("difflib all-pairs (extrap.)", "#ff7f0e",
                results.Select(r => ((double)r.CorpusSize, alternatives.DifflibPerRandomPairMs * r.CorpusSize)).ToList(), true));
        }

        return SvgPlot.LogLog("Time to align one new article vs corpus size", "articles in the index (log)", "time per new article (log)", series);
    }
}
