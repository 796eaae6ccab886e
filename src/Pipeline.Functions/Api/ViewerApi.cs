using Microsoft.AspNetCore.StaticFiles;

namespace Pipeline.Functions.Api;

/// <summary>GET /api/viewer/{*path}: the static viewer (wwwroot) served through the Functions host, which forwards only /api routes.</summary>
internal static class ViewerApi
{
    private static readonly FileExtensionContentTypeProvider s_types = new();

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/viewer/{**path}", Serve).WithName("Viewer").ExcludeFromDescription();
    }

    private static IResult Serve(string? path, HttpRequest request, IWebHostEnvironment environment)
    {
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
        {
            // The viewer's relative links need the trailing slash.
            return Results.Redirect(request.PathBase + request.Path + "/");
        }

        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? string.Empty) + "index.html" : path;
        if (relative.Contains("..", StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var file = environment.WebRootFileProvider.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory)
        {
            return Results.NotFound();
        }

        var type = s_types.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
        return Results.File(file.CreateReadStream(), type, lastModified: file.LastModified);
    }
}
