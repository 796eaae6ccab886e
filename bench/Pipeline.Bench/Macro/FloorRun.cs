using System.Diagnostics;
using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Bench.Macro;

/// <summary>
/// Measurement 3: the floor (decode + tokenize every article, nothing else) against the full incremental path
/// (prepare, fingerprint, find candidates, align, add), single-threaded, on the same bytes, with a per-stage breakdown.
/// </summary>
internal static class FloorRun
{
    /// <summary>Seconds per stage for one corpus.</summary>
    public sealed record Result(
        string Corpus,
        int Articles,
        long Bytes,
        double FloorSeconds,
        double PrepareSeconds,
        double FingerprintSeconds,
        double FindSeconds,
        double AlignSeconds,
        double AddSeconds,
        long CandidatePairs,
        long PairsWithAlignments,
        long Alignments,
        double FloorCpuSeconds,
        double FullCpuSeconds)
    {
        public double FullSeconds => PrepareSeconds + FingerprintSeconds + FindSeconds + AlignSeconds + AddSeconds;

        public double Multiple => FullSeconds / FloorSeconds;

        public double CpuMultiple => FullCpuSeconds / FloorCpuSeconds;
    }

    public static Result Run(string corpus, IReadOnlyList<(string Name, byte[] Content)> articles)
    {
        // Floor first, twice, keeping the second: the first pass pays JIT and page-in.
        var floor = 0.0;
        var floorCpu = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            var cpu = ThreadCpu.Milliseconds();
            var clock = Stopwatch.StartNew();
            long tokens = 0;
            foreach (var (_, content) in articles)
            {
                tokens += Tokenize(Encoding.UTF8.GetString(content)).Count;
            }

            floor = clock.Elapsed.TotalSeconds;
            floorCpu = (ThreadCpu.Milliseconds() - cpu) / 1000;
            GC.KeepAlive(tokens);
        }

        var pipeline = new OurPipeline();
        var prepared = new Dictionary<string, Article>(StringComparer.Ordinal);
        var stages = new Stopwatch[5];
        for (var i = 0; i < stages.Length; i++)
        {
            stages[i] = new Stopwatch();
        }

        long pairs = 0, fruitful = 0, alignments = 0;
        var fullCpu = ThreadCpu.Milliseconds();
        foreach (var (name, content) in articles)
        {
            stages[0].Start();
            var article = OurPipeline.Prepare(name, content);
            stages[0].Stop();
            stages[1].Start();
            var shingles = OurPipeline.Fingerprint(article);
            stages[1].Stop();
            stages[2].Start();
            var candidates = pipeline.FindCandidates(shingles, name);
            stages[2].Stop();
            stages[3].Start();
            foreach (var candidate in candidates)
            {
                var found = OurPipeline.Align(article, prepared[candidate]).Count;
                alignments += found;
                fruitful += found > 0 ? 1 : 0;
            }

            stages[3].Stop();
            pairs += candidates.Count;
            stages[4].Start();
            pipeline.Add(name, shingles);
            stages[4].Stop();
            prepared[name] = article;
        }

        fullCpu = (ThreadCpu.Milliseconds() - fullCpu) / 1000;
        return new Result(corpus, articles.Count, articles.Sum(a => (long)a.Content.Length), floor,
            stages[0].Elapsed.TotalSeconds, stages[1].Elapsed.TotalSeconds, stages[2].Elapsed.TotalSeconds,
            stages[3].Elapsed.TotalSeconds, stages[4].Elapsed.TotalSeconds, pairs, fruitful, alignments, floorCpu, fullCpu);
    }

    /// <summary>The least any aligner must do: split into words and case-fold each one into its own key string.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>(text.Length / 6);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }
}
