using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Pipeline.Functions.Api;

/// <summary>GET /api/viewer/{*path}: the static viewer (wwwroot), also served through the Functions host, which routes only /api.</summary>
internal static class ViewerApi
{
    private static readonly FileExtensionContentTypeProvider s_types = new();

    /// <summary>The viewer's files, next to the executable in both hosts.</summary>
    public static IFileProvider Files { get; } = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/viewer/{**path}", (string? path, HttpRequest request) => Serve(path, request)).WithName("Viewer").ExcludeFromDescription();
    }

    /// <summary>One viewer file, or 404; the bare folder redirects to itself with a slash.</summary>
    internal static IResult Serve(string? path, HttpRequest request)
    {
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
        {
            // The viewer's relative links need the trailing slash.
            return Results.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
        }

        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? string.Empty) + "index.html" : path;
        if (relative.Contains("..", StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var file = Files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory)
        {
            return Results.NotFound();
        }

        var type = s_types.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
        return Results.File(file.CreateReadStream(), type, lastModified: file.LastModified);
    }
}
