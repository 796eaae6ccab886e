using Microsoft.Azure.Functions.Worker;
using Pipeline.Functions.Api;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Functions;

/// <summary>The HTTP API under the Functions host: each function hands its request to the same API code the local host maps.</summary>
/// <remarks>Routes are relative to host.json's <c>routePrefix</c> (<c>api</c>); every API function needs a function key, the viewer's files do not.</remarks>
internal sealed class ApiFunctions(ArticleStore articles, AlignmentStore alignments, ClusterStore clusters, PipelineStorage storage)
{
    /// <summary>GET /api/articles.</summary>
    [Function("ListArticles")]
    public Task<IResult> ListArticlesAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request, CancellationToken cancellationToken) =>
        Result(ArticlesApi.ListAsync(request, articles, cancellationToken));

    /// <summary>GET /api/articles/{*name}.</summary>
    [Function("GetArticle")]
    public Task<IResult> GetArticleAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{*name}")] HttpRequest request, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Result(ArticlesApi.GetAsync(request.HttpContext, name, articles, cancellationToken));
    }

    /// <summary>GET /api/alignments.</summary>
    [Function("ListAlignments")]
    public Task<IResult> ListAlignmentsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "alignments")] HttpRequest request, CancellationToken cancellationToken) =>
        Result(AlignmentsApi.ListAsync(request, alignments, cancellationToken));

    /// <summary>GET /api/clusters.</summary>
    [Function("ListClusters")]
    public Task<IResult> ListClustersAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "clusters")] HttpRequest request, CancellationToken cancellationToken) =>
        Result(ClustersApi.ListAsync(request, clusters, cancellationToken));

    /// <summary>GET /api/clusters/{id}.</summary>
    [Function("GetCluster")]
    public Task<IResult> GetClusterAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clusters/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Result(ClustersApi.GetAsync(id, clusters, cancellationToken));
    }

    /// <summary>GET /api/health.</summary>
    [Function("Health")]
    public Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Result(HealthApi.CheckAsync(storage, cancellationToken));
    }

    /// <summary>GET /api/openapi.json: the document the local host generates from the same endpoints, kept in wwwroot.</summary>
    [Function("OpenApi")]
    public IResult OpenApi([HttpTrigger(AuthorizationLevel.Function, "get", Route = "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OpenApiDocument.Serve();
    }

    /// <summary>GET /api/viewer/{*path}: the browser viewer.</summary>
    [Function("Viewer")]
    public IResult Viewer([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "viewer/{*path}")] HttpRequest request, string? path) =>
        ViewerApi.Serve(path, request);

    private static async Task<IResult> Result<T>(Task<T> result)
        where T : IResult => await result;
}
