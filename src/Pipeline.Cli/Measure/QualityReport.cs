using System.Globalization;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Clusters;

namespace Pipeline.Cli.Measure;

/// <summary>
/// Measures alignments against the raw text: which runs of identical words two articles share, which of those are
/// an outlet's boilerplate (a run recurring in at least three different stories of one outlet, stories from the
/// corpus index), and whether alignments cover them.
/// </summary>
internal sealed class QualityReport
{
    private const int MinRun = 8;
    private const int BoilerplateStories = 3;
    private const int EdgeSlack = 3;
    private static readonly int[] Buckets = [8, 12, 20, 40, 80];

    private readonly List<string> _lines = [];

    public static QualityReport Compute(string root, ArticleFiles files, IReadOnlyDictionary<string, string> stories, IReadOnlyList<Alignment> alignments, IReadOnlyList<PassageCluster> clusters)
    {
        var articles = files.Articles;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new RawWords[articles.Count];
        var outlets = new string[articles.Count];
        var storyOf = new string[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            index[articles[i].Name] = i;
            words[i] = RawWords.Of(articles[i].Original);
            outlets[i] = files.OutletOf(articles[i].Name);
            var relative = Path.GetRelativePath(root, articles[i].Name).Replace('\\', '/');
            storyOf[i] = stories.GetValueOrDefault(relative, relative);
        }

        var boilerplate = BoilerplateGrams(words, outlets, storyOf);
        var byPair = new Dictionary<(int, int), List<Alignment>>();
        var copies = new CopyGroups(articles.Count);
        foreach (var a in alignments)
        {
            int s = index[a.Source.Article], t = index[a.Target.Article];
            var key = s < t ? (s, t) : (t, s);
            if (!byPair.TryGetValue(key, out var list))
            {
                list = [];
                byPair[key] = list;
            }

            list.Add(a);
            if (a.Kind == PassageKind.Copy)
            {
                copies.Union(s, t);
            }
        }

        var report = new QualityReport();
        var runs = SharedRunFinder.Find(words, MinRun);
        var recallFound = new int[Buckets.Length];
        var recallAll = new int[Buckets.Length];
        int boilerplateRuns = 0, boilerplateAligned = 0;
        var missed = new List<(SharedRun Run, string Text)>();
        foreach (var run in runs)
        {
            var isBoilerplate = IsBoilerplate(run, words, outlets, boilerplate);
            byPair.TryGetValue((run.A, run.B), out var pairAlignments);
            pairAlignments ??= [];
            if (isBoilerplate)
            {
                boilerplateRuns++;
                if (pairAlignments.Any(a => Overlaps(a, run, articles, words)))
                {
                    boilerplateAligned++;
                }

                continue;
            }

            if (outlets[run.A] == outlets[run.B])
            {
                continue;
            }

            var bucket = Bucket(run.Length);
            recallAll[bucket]++;
            if (copies.Same(run.A, run.B) || pairAlignments.Any(a => Contains(a, run, articles, words)))
            {
                recallFound[bucket]++;
            }
            else
            {
                missed.Add((run, articles[run.A].Original[words[run.A].Starts[run.AStart]..words[run.A].Ends[run.AStart + run.Length - 1]]));
            }
        }

        report.Recall(recallFound, recallAll);
        report.Boilerplate(boilerplateRuns, boilerplateAligned);
        report.Clusters(clusters, index, words, outlets, boilerplate, files);
        report.Missed(missed, articles);
        report._lines.Insert(0, string.Create(CultureInfo.InvariantCulture, $"corpus: {articles.Count} articles kept of {files.Processed} read, {outlets.Distinct(StringComparer.Ordinal).Count()} outlets, {storyOf.Distinct(StringComparer.Ordinal).Count()} stories; {alignments.Count} alignments ({alignments.Count(a => a.Kind == PassageKind.Copy)} copies), {clusters.Count} clusters"));
        return report;
    }

    public void Write(TextWriter output, TimeSpan read, TimeSpan aligned)
    {
        foreach (var line in _lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: read {read.TotalSeconds:0.00} s, align {aligned.TotalSeconds:0.00} s"));
    }

    // Per outlet, the 8-word grams found in at least three stories of that outlet.
    private static Dictionary<string, HashSet<ulong>> BoilerplateGrams(RawWords[] words, string[] outlets, string[] stories)
    {
        var seen = new Dictionary<(string Outlet, ulong Gram), HashSet<string>>();
        for (var i = 0; i < words.Length; i++)
        {
            for (var p = 0; p + MinRun <= words[i].Count; p++)
            {
                var key = (outlets[i], words[i].GramAt(p, MinRun));
                if (!seen.TryGetValue(key, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    seen[key] = set;
                }

                set.Add(stories[i]);
            }
        }

        var result = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        foreach (var ((outlet, gram), set) in seen)
        {
            if (set.Count >= BoilerplateStories)
            {
                if (!result.TryGetValue(outlet, out var grams))
                {
                    grams = [];
                    result[outlet] = grams;
                }

                grams.Add(gram);
            }
        }

        return result;
    }

    // A run is boilerplate when at least half of its 8-word grams are boilerplate of either article's outlet.
    private static bool IsBoilerplate(SharedRun run, RawWords[] words, string[] outlets, Dictionary<string, HashSet<ulong>> boilerplate)
    {
        boilerplate.TryGetValue(outlets[run.A], out var a);
        boilerplate.TryGetValue(outlets[run.B], out var b);
        if (a is null && b is null)
        {
            return false;
        }

        var grams = run.Length - MinRun + 1;
        var hits = 0;
        for (var p = 0; p < grams; p++)
        {
            var gram = words[run.A].GramAt(run.AStart + p, MinRun);
            if ((a?.Contains(gram) ?? false) || (b?.Contains(gram) ?? false))
            {
                hits++;
            }
        }

        return hits * 2 >= grams;
    }

    private static bool GramsBoilerplate(RawWords words, int from, int to, HashSet<ulong>? grams)
    {
        if (grams is null || to - from < MinRun)
        {
            return false;
        }

        var hits = 0;
        for (var p = from; p + MinRun <= to; p++)
        {
            hits += grams.Contains(words.GramAt(p, MinRun)) ? 1 : 0;
        }

        return hits * 2 >= to - from - MinRun + 1;
    }

    // Inside: every word of the run on both sides within the alignment's spans, except at most EdgeSlack words at either
    // end. A maximal run can start or end with a coincidence ("...for the city. The Rail..." against "...of the city. The
    // Rail...") that tight spans rightly leave out, and Core and this measure cut words differently at a few
    // characters such as "U.S.".
    // Text repeated inside one article (a tweet embedded and then quoted) can be paired only once: a run also counts as
    // inside when one side is inside and the alignment's other side holds the same words elsewhere.
    private static bool Contains(Alignment alignment, SharedRun run, IReadOnlyList<Article> articles, RawWords[] words)
    {
        var (sa, sb) = Sides(alignment, run, articles);
        var aInside = InsideButEdges(words[run.A], run.AStart, run.Length, sa);
        var bInside = InsideButEdges(words[run.B], run.BStart, run.Length, sb);
        return (aInside && bInside)
            || (aInside && Holds(words[run.B], sb, words[run.A], run.AStart, run.Length))
            || (bInside && Holds(words[run.A], sa, words[run.B], run.BStart, run.Length));
    }

    private static bool InsideButEdges(RawWords words, int first, int length, AlignedSpan span)
    {
        // At least six words of the run must lie inside, and never fewer than all but EdgeSlack at either end.
        var slack = Math.Min(EdgeSlack, Math.Max(1, (length - 6) / 2));
        for (var w = first + slack; w < first + length - slack; w++)
        {
            if (words.Starts[w] < span.Start || words.Ends[w] > span.End)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(RawWords words, AlignedSpan span, RawWords other, int first, int length)
    {
        for (var p = 0; p + length <= words.Count; p++)
        {
            if (words.Starts[p] < span.Start)
            {
                continue;
            }

            if (words.Ends[p + length - 1] > span.End)
            {
                break;
            }

            var same = true;
            for (var d = 0; d < length && same; d++)
            {
                same = words.Hashes[p + d] == other.Hashes[first + d];
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(Alignment alignment, SharedRun run, IReadOnlyList<Article> articles, RawWords[] words)
    {
        var (sa, sb) = Sides(alignment, run, articles);
        return WordsInside(words[run.A], run.AStart, run.Length, sa) * 2 >= run.Length
            && WordsInside(words[run.B], run.BStart, run.Length, sb) * 2 >= run.Length;
    }

    private static (AlignedSpan A, AlignedSpan B) Sides(Alignment alignment, SharedRun run, IReadOnlyList<Article> articles) =>
        alignment.Source.Article == articles[run.A].Name ? (alignment.Source, alignment.Target) : (alignment.Target, alignment.Source);

    private static int WordsInside(RawWords words, int first, int length, AlignedSpan span)
    {
        var inside = 0;
        for (var w = first; w < first + length; w++)
        {
            inside += words.Starts[w] >= span.Start && words.Ends[w] <= span.End ? 1 : 0;
        }

        return inside;
    }

    private static int Bucket(int length)
    {
        var b = 0;
        while (b + 1 < Buckets.Length && length >= Buckets[b + 1])
        {
            b++;
        }

        return b;
    }

    private void Recall(int[] found, int[] all)
    {
        _lines.Add("exact-reuse recall (runs of >= 8 identical words shared across outlets, boilerplate aside, inside an alignment of the pair):");
        for (var b = 0; b < Buckets.Length; b++)
        {
            var label = b + 1 < Buckets.Length ? $"{Buckets[b]}-{Buckets[b + 1] - 1}" : $"{Buckets[b]}+";
            _lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {label,-7} words: {found[b],5} / {all[b],5}  {Ratio(found[b], all[b])}"));
        }

        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"  all           : {found.Sum(),5} / {all.Sum(),5}  {Ratio(found.Sum(), all.Sum())}"));
    }

    private void Boilerplate(int runs, int aligned) =>
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"boilerplate runs aligned (runs of >= 8 words recurring in >= {BoilerplateStories} stories of one outlet, any pair): {aligned} / {runs}  {Ratio(aligned, runs)}"));

    private void Clusters(IReadOnlyList<PassageCluster> clusters, Dictionary<string, int> index, RawWords[] words, string[] outlets, Dictionary<string, HashSet<ulong>> boilerplate, ArticleFiles files)
    {
        _lines.Add("20 most widely carried clusters (outlets, articles, boilerplate?, first member):");
        var ranked = clusters
            .Select(c => (Cluster: c, Outlets: c.Members.Select(m => files.OutletOf(m.Article)).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(x => x.Outlets)
            .ThenByDescending(x => x.Cluster.Members.Count)
            .ThenBy(x => x.Cluster.Id, StringComparer.Ordinal)
            .Take(20);
        var rank = 0;
        foreach (var (cluster, outletCount) in ranked)
        {
            var isBoilerplate = cluster.Members.Any(m =>
            {
                var i = index[m.Article];
                var w = words[i];
                var from = Array.FindIndex(w.Starts, s => s >= m.Start);
                var to = from < 0 ? -1 : Array.FindLastIndex(w.Ends, e => e <= m.End) + 1;
                return from >= 0 && GramsBoilerplate(w, from, to, boilerplate.GetValueOrDefault(outlets[i]));
            });
            var first = cluster.Members[0];
            var text = first.Text.ReplaceLineEndings(" ");
            text = text.Length > 90 ? text[..90] + "…" : text;
            _lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {++rank,2}. {outletCount,2} {cluster.Members.Count,3} {(isBoilerplate ? "BOILERPLATE" : "-"),-11} {ShortName(first.Article)}: {text}"));
        }
    }

    private void Missed(List<(SharedRun Run, string Text)> missed, IReadOnlyList<Article> articles)
    {
        _lines.Add("longest missed runs:");
        foreach (var (run, text) in missed.OrderByDescending(m => m.Run.Length).Take(Shown))
        {
            var flat = text.ReplaceLineEndings(" ");
            flat = flat.Length > 100 ? flat[..100] + "…" : flat;
            _lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {run.Length,4} {ShortName(articles[run.A].Name)} ↔ {ShortName(articles[run.B].Name)}: {flat}"));
        }
    }

    // PIPELINE_MEASURE_MISSED=N lists more of them, to study a rule.
    private static int Shown => int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_MEASURE_MISSED"), CultureInfo.InvariantCulture, out var n) ? n : 10;

    private static string ShortName(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path)) ?? string.Empty;
        var file = Path.GetFileNameWithoutExtension(path);
        file = file.Length > 40 ? file[..40] : file;
        return folder.Length > 0 ? folder + "/" + file : file;
    }

    private static string Ratio(int part, int whole) =>
        whole == 0 ? "-" : (part / (double)whole).ToString("0.000", CultureInfo.InvariantCulture);

    // Union-find over articles joined by copy alignments: every member of a copy group carries every other's text.
    private sealed class CopyGroups(int count)
    {
        private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

        public void Union(int a, int b) => _parent[Find(a)] = Find(b);

        public bool Same(int a, int b) => Find(a) == Find(b);

        private int Find(int a)
        {
            while (_parent[a] != a)
            {
                a = _parent[a] = _parent[_parent[a]];
            }

            return a;
        }
    }
}
