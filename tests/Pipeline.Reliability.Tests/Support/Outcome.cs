using System.Collections.Concurrent;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>
/// What processing a set of files left behind, as a query can see it: each article's status row (status, passages, alignments,
/// duplicateOf), every alignment row in both directions (primary and mirror), every cluster row and cluster index row, with
/// only volatile columns (Timestamp, ETag) left out. <see cref="Alignments"/> and <see cref="Clusters"/> are readable summaries.
/// </summary>
public sealed record Outcome(
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<string, string> Articles,
    IReadOnlyList<string> AlignmentRows,
    IReadOnlyList<string> ClusterRows,
    IReadOnlyList<AlignmentFact> Alignments,
    IReadOnlyList<string> Clusters,
    TimeSpan Took)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Outcome>>> s_clean = new(StringComparer.Ordinal);

    /// <summary>Reads the outcome of a settled run.</summary>
    public static async Task<Outcome> ReadAsync(StoredState state, TimeSpan took)
    {
        var statuses = (await state.ArticleStatesAsync()).ToDictionary(s => s.Key, s => s.Value.Status, StringComparer.Ordinal);
        return new Outcome(
            statuses,
            await state.ArticleFactsAsync(),
            await state.RowsAsync("alignments"),
            await state.RowsAsync("clusters"),
            await state.AlignmentsAsync(),
            await state.ClustersAsync(),
            took);
    }

    /// <summary>
    /// The outcome of a clean run of <paramref name="files"/>: a fresh Azurite, an app processing one blob at a time, one writer.
    /// Computed once per <paramref name="key"/> and shared by the tests that compare against it.
    /// </summary>
    public static Task<Outcome> CleanAsync(string key, IReadOnlyList<(string Name, byte[] Content)> files, IReadOnlyDictionary<string, string>? settings = null) =>
        s_clean.GetOrAdd(key, _ => new Lazy<Task<Outcome>>(() => RunCleanAsync(files, settings))).Value;

    /// <summary>Describes how <paramref name="actual"/> differs from this outcome (empty when equal).</summary>
    public IReadOnlyList<string> Differences(Outcome actual)
    {
        var problems = new List<string>();
        foreach (var (name, facts) in Articles)
        {
            var got = actual.Articles.GetValueOrDefault(name, "missing");
            if (got != facts)
            {
                problems.Add($"article {name}: {got}; clean run {facts}");
            }
        }

        problems.AddRange(actual.Articles.Keys.Where(n => !Articles.ContainsKey(n)).Select(n => $"extra article {n}: {actual.Articles[n]}"));
        problems.AddRange(RowDifferences("alignments", AlignmentRows, actual.AlignmentRows));
        problems.AddRange(RowDifferences("clusters", ClusterRows, actual.ClusterRows));

        var expected = Alignments.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        var seen = actual.Alignments.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        problems.AddRange(expected.Where(e => seen.GetValueOrDefault(e.Key) < e.Value).Select(e => $"missing alignment {e.Key}"));
        problems.AddRange(seen.Where(s => expected.GetValueOrDefault(s.Key) < s.Value).Select(s => $"{(expected.ContainsKey(s.Key) ? "duplicated" : "extra")} alignment {s.Key}"));

        // Clusters are recomputed incrementally around each aligned article; whatever the order, they must end as in a clean run.
        var clusters = actual.Clusters.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Clusters.Where(c => !clusters.Contains(c)).Select(c => $"missing cluster {c}"));
        var expectedClusters = Clusters.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(actual.Clusters.Where(c => !expectedClusters.Contains(c)).Select(c => $"extra cluster {c}"));
        return problems;
    }

    private static IEnumerable<string> RowDifferences(string table, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var want = expected.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var got = actual.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (row, count) in want.Where(w => got.GetValueOrDefault(w.Key) < w.Value))
        {
            yield return $"{table}: missing or different row {Clip(row)} (clean run {count}×, now {got.GetValueOrDefault(row)}×)";
        }

        foreach (var (row, count) in got.Where(g => want.GetValueOrDefault(g.Key) < g.Value))
        {
            yield return $"{table}: extra or different row {Clip(row)} ({count}×, clean run {want.GetValueOrDefault(row)}×)";
        }
    }

    private static string Clip(string row) => row.Length > 400 ? row[..400] + "…" : row;

    private static async Task<Outcome> RunCleanAsync(IReadOnlyList<(string Name, byte[] Content)> files, IReadOnlyDictionary<string, string>? settings)
    {
        var oneAtATime = new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["Pipeline__MaxParallelism"] = "1" };
        await using var run = await PipelineRun.StartAsync(oneAtATime);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await run.State.UploadAllAsync(files, writers: 1);
        await run.WaitSettledAsync(files.Select(f => f.Name).ToList(), TimeSpan.FromSeconds(Math.Max(480, files.Count * 3)));
        return await ReadAsync(run.State, clock.Elapsed);
    }
}
