
namespace Pipeline.Functions.Stores;

/// <summary>A stored passage cluster: the same passage (usually a quote) found in several articles.</summary>
/// <param name="Id">Stable id derived from the members' spans.</param>
/// <param name="Speaker">Who is quoted when known.</param>
/// <param name="Members">The passage in each article, in a stable order.</param>
internal sealed record ClusterRow(string Id, string? Speaker, IReadOnlyList<SpanRow> Members)
{
    /// <summary>How many distinct articles the cluster spans.</summary>
    public int Articles => Members.Select(m => m.Article).Distinct(StringComparer.Ordinal).Count();

    /// <summary><c>copy</c> when the members are whole articles carried verbatim (wire copies), else <c>passage</c>.</summary>
    public string Kind { get; init; } = "passage";
}
