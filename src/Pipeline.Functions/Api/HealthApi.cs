using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Api;

/// <summary>GET /api/health: 200 when storage answers, else 503.</summary>
internal static class HealthApi
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", CheckAsync).WithName("Health").WithSummary("Whether the app can reach its storage.");

    internal static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> CheckAsync(PipelineStorage storage, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        bool reachable;
        try
        {
            reachable = await storage.IsReachableAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reachable = false;
        }

        return reachable
            ? TypedResults.Ok(new HealthView("ok"))
            : TypedResults.Json(new HealthView("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
