using Azure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Core.Articles;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Api;

/// <summary>GET /api/articles and GET /api/articles/{*name}.</summary>
internal static class ArticlesApi
{
    private const string Prefix = "/api/articles/";

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles", ListAsync).WithName("ListArticles").WithSummary("Lists articles with their processing status.");
        app.MapGet("/api/articles/{**name}", GetAsync).WithName("GetArticle").WithSummary("One article with its normalized text and passages.");
    }

    internal static async Task<Results<Ok<ArticlePage>, BadRequest<ApiError>>> ListAsync(
        HttpRequest request, ArticleStore store, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        query.AllowOnly("top", "continuationToken");
        var top = query.Top();
        var token = query.Text("continuationToken", 4096);
        if (query.Error is { } error)
        {
            return TypedResults.BadRequest(new ApiError(error));
        }

        var hash = ContinuationToken.QueryHash("articles", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string? position = null;
        if (token is not null && !ContinuationToken.TryDecode(token, hash, out position, out _, out var tokenError))
        {
            return TypedResults.BadRequest(new ApiError(tokenError!));
        }

        try
        {
            var (rows, next) = await store.PageAsync(position, top, cancellationToken);
            var items = rows.Select(r => new ArticleSummary(r.Name, r.Outlet, r.Title, r.Status, r.Error, r.Passages, r.Alignments, r.Updated, r.DuplicateOf, r.Url, r.Published, r.Warning)).ToList();
            return TypedResults.Ok(new ArticlePage(items, next is null ? null : ContinuationToken.Encode(hash, next, 0)));
        }
        catch (RequestFailedException e) when (e.Status == 400 && token is not null)
        {
            return TypedResults.BadRequest(new ApiError("continuationToken is not valid for this query."));
        }
    }

    internal static async Task<Results<Ok<ArticleDetail>, NotFound<ApiError>, BadRequest<ApiError>>> GetAsync(
        HttpContext context, string name, ArticleStore store, CancellationToken cancellationToken)
    {
        var article = RawName(context) ?? name;
        if (article.Length is 0 or > QueryParameters.MaxArticleLength || article.Any(char.IsControl))
        {
            return TypedResults.BadRequest(new ApiError($"The article name must be 1 to {QueryParameters.MaxArticleLength} characters without control characters."));
        }

        if (await store.GetAsync(article, cancellationToken) is not { } row)
        {
            return TypedResults.NotFound(new ApiError("No article with that name."));
        }

        var record = await store.ReadRecordAsync(article, cancellationToken);
        // Shown as aligned: with the stretches its outlet's learned boilerplate covers marked.
        var marked = record is null ? null : OutletBoilerplateLearning.Mark(record.Article, row.BoilerplateRuns);
        var passages = marked is null ? [] : marked.Passages.Select(p => new PassageView(
            p.Index,
            p.Start,
            p.End,
            SafeSlice(marked.Original, p.Start, p.End),
            p.Kind == PassageKind.Quote ? "quote" : "text",
            p.Speaker,
            p.Boilerplate switch
            {
                BoilerplateReason.Signal => "signal",
                BoilerplateReason.Outlet => "outlet",
                _ => null,
            })).ToList();
        return TypedResults.Ok(new ArticleDetail(
            row.Name, row.Outlet, row.Title, row.Status, row.Error, row.Alignments, row.Updated, row.DuplicateOf, record?.Article.Text, record?.Article.Original, passages, row.Url, row.Published, row.Warning));
    }

    /// <summary>The name exactly as requested: the route value keeps %2F encoded, so decode the raw target instead.</summary>
    private static string? RawName(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null)
        {
            return null;
        }

        var path = raw.Split('?', 2)[0];
        var at = path.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        try
        {
            return Uri.UnescapeDataString(path[(at + Prefix.Length)..]);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static string SafeSlice(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        return text[start..end];
    }
}
