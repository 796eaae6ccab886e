
namespace Pipeline.Functions.Api;

/// <summary>An error answer: <c>{"error": "..."}</c>.</summary>
/// <param name="Error">What was wrong, for a person to read.</param>
internal sealed record ApiError(string Error);

/// <summary>The health answer.</summary>
/// <param name="Status">ok, or unavailable when storage does not answer.</param>
internal sealed record HealthView(string Status);

/// <summary>An article in a listing.</summary>
internal sealed record ArticleSummary(
    string Article, string Outlet, string? Title, string Status, string? Error, int Passages, int Alignments, DateTimeOffset Updated, string? DuplicateOf,
    string? Url, DateTimeOffset? Published, string? Warning);

/// <summary>A page of articles.</summary>
internal sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? ContinuationToken);

/// <summary>One passage of an article.</summary>
/// <param name="Index">The passage's position in the article.</param>
/// <param name="Start">Start offset in the article's original text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The passage's original text.</param>
/// <param name="Kind">quote or text.</param>
/// <param name="Speaker">Who is quoted, when known.</param>
/// <param name="Boilerplate">Why the passage is left out of every comparison: <c>signal</c> (page furniture) or <c>outlet</c>
/// (the outlet's learned boilerplate); null for article text.</param>
internal sealed record PassageView(int Index, int Start, int End, string Text, string Kind, string? Speaker, string? Boilerplate = null);

/// <summary>An article with its normalized text and passages.</summary>
internal sealed record ArticleDetail(
    string Article, string Outlet, string? Title, string Status, string? Error, int Alignments, DateTimeOffset Updated, string? DuplicateOf,
    string? Text, string? Original, IReadOnlyList<PassageView> Passages, string? Url, DateTimeOffset? Published, string? Warning);

/// <summary>One side of an alignment, or a cluster member.</summary>
/// <param name="Article">The article's name.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Start">Start offset in the article's original text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The span's original text.</param>
/// <param name="Published">When the article was published, when known.</param>
/// <param name="First">In a cluster: whether this member's article was published first (null when no member's date is known).</param>
internal sealed record SpanView(string Article, string Outlet, int Start, int End, string Text, DateTimeOffset? Published = null, bool? First = null);

/// <summary>A diff run.</summary>
internal sealed record DiffView(string Op, string Text);

/// <summary>An aligned passage pair.</summary>
internal sealed record AlignmentView(string Id, double Score, string Kind, SpanView Source, SpanView Target, IReadOnlyList<DiffView> Diff);

/// <summary>A page of alignments.</summary>
internal sealed record AlignmentPage(IReadOnlyList<AlignmentView> Items, string? ContinuationToken);

/// <summary>A passage cluster in a listing.</summary>
/// <param name="Id">The cluster's id.</param>
/// <param name="Articles">How many articles carry the passage.</param>
/// <param name="Speaker">Who is quoted, when known.</param>
/// <param name="Members">The passage in each article, by publication time.</param>
/// <param name="Kind"><c>copy</c> when whole articles were carried verbatim (wire copies), else <c>passage</c>.</param>
internal sealed record ClusterView(string Id, int Articles, string? Speaker, IReadOnlyList<SpanView> Members, string Kind = "passage");

/// <summary>A page of clusters.</summary>
internal sealed record ClusterPage(IReadOnlyList<ClusterView> Items, string? ContinuationToken);

/// <summary>A cluster member with its diff against the reference member.</summary>
internal sealed record ClusterMemberView(
    string Article, string Outlet, int Start, int End, string Text, IReadOnlyList<DiffView> Diff, DateTimeOffset? Published = null, bool? First = null);

/// <summary>One cluster with each member's differences from a reference member.</summary>
internal sealed record ClusterDetail(string Id, int Articles, string? Speaker, int Reference, IReadOnlyList<ClusterMemberView> Members, string Kind = "passage");
