using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Core.Alignments;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Api;

/// <summary>GET /api/alignments?article=&amp;q=&amp;minScore=&amp;top=&amp;continuationToken=.</summary>
internal static class AlignmentsApi
{
    // Rows are read from storage in fixed-size pages so a token (page position + rows to skip) resumes exactly.
    private const int StoragePage = 200;

    // A request stops after this many storage pages and returns what it found with a token, so no query scans without bound.
    private const int MaxPagesPerRequest = 25;

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/alignments", ListAsync).WithName("ListAlignments").WithSummary("Lists aligned passage pairs, each pair once.");

    internal static async Task<Results<Ok<AlignmentPage>, BadRequest<ApiError>>> ListAsync(
        HttpRequest request, AlignmentStore store, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        query.AllowOnly("article", "q", "minScore", "top", "continuationToken");
        var article = query.Text("article", QueryParameters.MaxArticleLength);
        var q = query.Text("q", QueryParameters.MaxQueryLength);
        var minScore = query.Score("minScore");
        var top = query.Top();
        var token = query.Text("continuationToken", 4096);
        if (query.Error is { } error)
        {
            return TypedResults.BadRequest(new ApiError(error));
        }

        var needle = q is null ? null : Compact(Core.Articles.MatchingText.Normalize(q));
        if (needle is { Length: 0 })
        {
            return TypedResults.BadRequest(new ApiError("q must contain at least one letter or digit."));
        }

        var hash = ContinuationToken.QueryHash("alignments", article, q, minScore?.ToString("R", CultureInfo.InvariantCulture), top.ToString(CultureInfo.InvariantCulture));
        string? position = null;
        var skip = 0;
        if (token is not null && !ContinuationToken.TryDecode(token, hash, out position, out skip, out var tokenError))
        {
            return TypedResults.BadRequest(new ApiError(tokenError!));
        }

        string filter;
        try
        {
            filter = article is not null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(article)}")
                : TableClient.CreateQueryFilter($"Primary eq {true}");
        }
        catch (ArgumentException)
        {
            return TypedResults.BadRequest(new ApiError("article is not a valid article name."));
        }

        if (minScore is { } min)
        {
            filter = $"({filter}) and " + TableClient.CreateQueryFilter($"Score ge {min}");
        }

        var items = new List<AlignmentView>();
        string? next = null;
        try
        {
            for (var pages = 0; ; pages++)
            {
                var (rows, following) = await store.PageAsync(filter, position, StoragePage, cancellationToken);
                var index = skip;
                for (; index < rows.Count && items.Count < top; index++)
                {
                    if (needle is null || Matches(rows[index], needle))
                    {
                        items.Add(ToView(rows[index]));
                    }
                }

                if (index < rows.Count)
                {
                    next = ContinuationToken.Encode(hash, position, index);
                    break;
                }

                if (following is null)
                {
                    break;
                }

                position = following;
                skip = 0;
                if (items.Count >= top || pages + 1 >= MaxPagesPerRequest)
                {
                    next = ContinuationToken.Encode(hash, position, 0);
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 400 && token is not null)
        {
            return TypedResults.BadRequest(new ApiError("continuationToken is not valid for this query."));
        }

        return TypedResults.Ok(new AlignmentPage(items, next));
    }

    /// <summary>Matching form without spaces, so "deconflict" finds "de-conflict" however the hyphen is treated.</summary>
    internal static string Compact(string matching) => matching.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static bool Matches(AlignmentRow row, string needle) =>
        Compact(Core.Articles.MatchingText.Normalize(row.Source.Text)).Contains(needle, StringComparison.Ordinal)
        || Compact(Core.Articles.MatchingText.Normalize(row.Target.Text)).Contains(needle, StringComparison.Ordinal);

    private static AlignmentView ToView(AlignmentRow row) => new(
        row.Id,
        row.Score,
        row.Kind,
        new SpanView(row.Source.Article, row.Source.Outlet, row.Source.Start, row.Source.End, row.Source.Text),
        new SpanView(row.Target.Article, row.Target.Outlet, row.Target.Start, row.Target.End, row.Target.Text),
        row.Diff.Select(DiffViews.Of).ToList());
}

/// <summary>Maps diff runs to their JSON shape.</summary>
internal static class DiffViews
{
    /// <summary>The view of one run.</summary>
    public static DiffView Of(DiffRun run) => new(
        run.Op switch { DiffOp.Insert => "insert", DiffOp.Delete => "delete", _ => "equal" },
        run.Text);
}
