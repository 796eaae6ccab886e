using System.Collections.Concurrent;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>What processing a set of files left behind: each article's status, every alignment and every passage cluster.</summary>
public sealed record Outcome(IReadOnlyDictionary<string, string> Statuses, IReadOnlyList<AlignmentFact> Alignments, IReadOnlyList<string> Clusters, TimeSpan Took)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Outcome>>> s_clean = new(StringComparer.Ordinal);

    /// <summary>Reads the outcome of a settled run.</summary>
    public static async Task<Outcome> ReadAsync(StoredState state, TimeSpan took)
    {
        var statuses = (await state.ArticleStatesAsync()).ToDictionary(s => s.Key, s => s.Value.Status, StringComparer.Ordinal);
        return new Outcome(statuses, await state.AlignmentsAsync(), await state.ClustersAsync(), took);
    }

    /// <summary>
    /// The outcome of a clean run of <paramref name="files"/>: a fresh Azurite, an app processing one blob at a time, one writer.
    /// Computed once per <paramref name="key"/> and shared by the tests that compare against it.
    /// </summary>
    public static Task<Outcome> CleanAsync(string key, IReadOnlyList<(string Name, byte[] Content)> files) =>
        s_clean.GetOrAdd(key, _ => new Lazy<Task<Outcome>>(() => RunCleanAsync(files))).Value;

    /// <summary>Describes how <paramref name="actual"/> differs from this outcome (empty when equal).</summary>
    public IReadOnlyList<string> Differences(Outcome actual)
    {
        var problems = new List<string>();
        foreach (var (name, status) in Statuses)
        {
            var got = actual.Statuses.GetValueOrDefault(name, "missing");
            if (got != status)
            {
                problems.Add($"{name}: {got}, clean run {status}");
            }
        }

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

    private static async Task<Outcome> RunCleanAsync(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        await using var run = await PipelineRun.StartAsync(new Dictionary<string, string> { ["Pipeline__MaxParallelism"] = "1" });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await run.State.UploadAllAsync(files, writers: 1);
        await run.WaitSettledAsync(files.Select(f => f.Name).ToList(), TimeSpan.FromSeconds(Math.Max(480, files.Count * 3)));
        return await ReadAsync(run.State, clock.Elapsed);
    }
}
