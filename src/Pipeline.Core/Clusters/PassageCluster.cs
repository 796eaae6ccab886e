namespace Pipeline.Core.Clusters;

/// <summary>One passage (a quote, a wire paragraph) as it appears across articles.</summary>
/// <param name="Id">Stable identifier derived from the smallest member (article name, then start, then end).</param>
/// <param name="Speaker">The most common speaker among the members (one vote per member, grouped by surname), or null when none is known.</param>
/// <param name="Members">One member per article span, ordered by article name then start.</param>
public sealed record PassageCluster(string Id, string? Speaker, IReadOnlyList<ClusterMember> Members);
