using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Api;

/// <summary>GET /api/clusters?q=&amp;article=&amp;minArticles=&amp;top=&amp;continuationToken= and GET /api/clusters/{id}.</summary>
internal static class ClustersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clusters", ListAsync).WithName("ListClusters").WithSummary("Lists passage clusters, largest first.");
        app.MapGet("/api/clusters/{id}", GetAsync).WithName("GetCluster").WithSummary("One cluster with each member's diff against a reference member.");
    }

    internal static async Task<Results<Ok<ClusterPage>, BadRequest<ApiError>>> ListAsync(
        HttpRequest request, ClusterStore store, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        query.AllowOnly("q", "article", "minArticles", "top", "continuationToken");
        var q = query.Text("q", QueryParameters.MaxQueryLength);
        var article = query.Text("article", QueryParameters.MaxArticleLength);
        var minArticles = query.Int("minArticles", 2, 1, 100_000);
        var top = query.Top();
        var token = query.Text("continuationToken", 4096);
        if (query.Error is { } error)
        {
            return TypedResults.BadRequest(new ApiError(error));
        }

        var needle = q is null ? null : AlignmentsApi.Compact(Core.Articles.MatchingText.Normalize(q));
        if (needle is { Length: 0 })
        {
            return TypedResults.BadRequest(new ApiError("q must contain at least one letter or digit."));
        }

        var hash = ContinuationToken.QueryHash("clusters", q, article, minArticles.ToString(CultureInfo.InvariantCulture), top.ToString(CultureInfo.InvariantCulture));
        var skip = 0;
        if (token is not null && !ContinuationToken.TryDecode(token, hash, out _, out skip, out var tokenError))
        {
            return TypedResults.BadRequest(new ApiError(tokenError!));
        }

        // An article's clusters come from its index rows; otherwise sorting by size needs every cluster, so they are
        // filtered and paged in memory (docs/scale.md names this as a limit of the listing).
        var all = article is null ? await store.AllAsync(cancellationToken) : await store.OfArticleAsync(article, cancellationToken);
        var selected = all
            .Where(c => c.Articles >= minArticles)
            .Where(c => article is null || c.Members.Any(m => string.Equals(m.Article, article, StringComparison.Ordinal)))
            .Where(c => needle is null || c.Members.Any(m => AlignmentsApi.Compact(Core.Articles.MatchingText.Normalize(m.Text)).Contains(needle, StringComparison.Ordinal)))
            .OrderByDescending(c => c.Articles).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var page = selected.Skip(skip).Take(top).Select(ToView).ToList();
        var next = skip + top < selected.Count ? ContinuationToken.Encode(hash, null, skip + top) : null;
        return TypedResults.Ok(new ClusterPage(page, next));
    }

    internal static async Task<Results<Ok<ClusterDetail>, NotFound<ApiError>>> GetAsync(string id, ClusterStore store, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64 || !id.All(char.IsAsciiHexDigitLower) || await store.GetAsync(id, cancellationToken) is not { } cluster)
        {
            return TypedResults.NotFound(new ApiError("No cluster with that id."));
        }

        // The reference is the longest member: the fullest version of the passage, which the others are read against.
        var (ordered, first) = ByPublication(cluster);
        var reference = ordered.Select((m, i) => (m, i)).OrderByDescending(x => x.m.Text.Length).ThenBy(x => x.i).Select(x => x.i).FirstOrDefault();
        var referenceText = ordered.Count > 0 ? ordered[reference].Text : string.Empty;
        var members = ordered
            .Select(m => new ClusterMemberView(
                m.Article, m.Outlet, m.Start, m.End, m.Text, WordDiff.Of(referenceText, m.Text).Select(DiffViews.Of).ToList(), m.Published, IsFirst(m, first)))
            .ToList();
        return TypedResults.Ok(new ClusterDetail(cluster.Id, cluster.Articles, cluster.Speaker, reference, members, cluster.Kind));
    }

    private static ClusterView ToView(ClusterRow cluster)
    {
        var (ordered, first) = ByPublication(cluster);
        return new ClusterView(
            cluster.Id,
            cluster.Articles,
            cluster.Speaker,
            ordered.Select(m => new SpanView(m.Article, m.Outlet, m.Start, m.End, m.Text, m.Published, IsFirst(m, first))).ToList(),
            cluster.Kind);
    }

    /// <summary>Members by publication time (undated ones last, by name), and the article that carried the passage first, if any is dated.</summary>
    private static (IReadOnlyList<SpanRow> Members, string? FirstArticle) ByPublication(ClusterRow cluster)
    {
        var ordered = cluster.Members
            .OrderBy(m => m.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(m => m.Article, StringComparer.Ordinal)
            .ThenBy(m => m.Start)
            .ToList();
        return (ordered, ordered.FirstOrDefault(m => m.Published is not null)?.Article);
    }

    private static bool? IsFirst(SpanRow member, string? firstArticle) =>
        firstArticle is null ? null : string.Equals(member.Article, firstArticle, StringComparison.Ordinal);
}
