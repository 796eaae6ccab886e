
namespace Pipeline.Functions.Stores;

/// <summary>An article's status row in table <c>articles</c>.</summary>
/// <param name="Name">The article's blob name.</param>
/// <param name="Outlet">The outlet that published it.</param>
/// <param name="Title">Its headline when known.</param>
/// <param name="Status">pending, normalized, aligned, rejected or failed.</param>
/// <param name="Error">Why it was rejected or failed; else null.</param>
/// <param name="Passages">How many passages it has.</param>
/// <param name="Alignments">How many alignment rows name it as source.</param>
/// <param name="Updated">When the row last changed.</param>
/// <param name="SourceETag">ETag of the article blob the row describes.</param>
/// <param name="ContentHash">Hash of the normalized content; null unless the article is normalized (its alignments are valid only for this hash).</param>
/// <param name="DuplicateOf">The canonical article when this one is an identical copy; else null.</param>
internal sealed record ArticleRow(
    string Name,
    string Outlet,
    string? Title,
    string Status,
    string? Error,
    int Passages,
    int Alignments,
    DateTimeOffset Updated,
    string? SourceETag,
    string? ContentHash,
    string? DuplicateOf)
{
    /// <summary>The original's address, from blob metadata <c>url</c>.</summary>
    public string? Url { get; init; }

    /// <summary>When it was published, from blob metadata <c>published</c>.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the article blob's current version was uploaded; kept so a partner without <see cref="Published"/> can still be dated.</summary>
    public DateTimeOffset? Uploaded { get; init; }

    /// <summary>The article's date for the time window: <see cref="Published"/> when given, else <see cref="Uploaded"/>.</summary>
    public DateTimeOffset? Dated => Published ?? Uploaded;

    /// <summary>What was ignored while processing it (unusable metadata), for the person who uploaded it.</summary>
    public string? Warning { get; init; }

    /// <summary>The runs of its outlet's learned boilerplate it carries, sorted: its passages are marked with them before it is
    /// aligned, and a change to them makes its stored alignments stale.</summary>
    public ulong[] BoilerplateRuns { get; init; } = [];
}
