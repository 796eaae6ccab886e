using Pipeline.Core.Alignments;


namespace Pipeline.Functions.Stores;

/// <summary>One stored alignment seen from its partition's article (<see cref="Source"/>).</summary>
/// <param name="Id">Identifies the aligned pair of spans; equal in both directions.</param>
/// <param name="Version">Hash of both articles' content hashes when it was computed; rows of another version are stale.</param>
/// <param name="Primary">True in the direction whose source name sorts first (ordinal), so listing primaries lists each pair once.</param>
/// <param name="Score">Similarity in [0, 1].</param>
/// <param name="Kind">quote or text.</param>
/// <param name="Source">The partition article's span.</param>
/// <param name="Target">The other article's span.</param>
/// <param name="Diff">Runs turning the source text into the target text.</param>
internal sealed record AlignmentRow(
    string Id,
    string Version,
    bool Primary,
    double Score,
    string Kind,
    SpanRow Source,
    SpanRow Target,
    IReadOnlyList<DiffRun> Diff);

/// <summary>One side of a stored alignment.</summary>
/// <param name="Article">The article's name.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Start">Start offset in the article's decoded original text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The original text of the span.</param>
/// <param name="Speaker">Who is quoted in the span, when known.</param>
internal sealed record SpanRow(string Article, string Outlet, int Start, int End, string Text, string? Speaker = null)
{
    /// <summary>When the article was published, when its blob metadata says.</summary>
    public DateTimeOffset? Published { get; init; }
}
