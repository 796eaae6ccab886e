using Microsoft.Playwright;

namespace Pipeline.Viewer.Tests.Browser;

/// <summary>
/// Serves the viewer's static files from src/Pipeline.Functions/wwwroot to a page through request interception, so
/// the pure modules (word diff, routes, passage location) can be imported and exercised in the real browser.
/// No API is served: anything under /api/ answers 404.
/// </summary>
public static class StaticViewer
{
    public const string Origin = "http://viewer.test";

    public static string WebRoot { get; } = FindWebRoot();

    public static async Task ServeAsync(IPage page)
    {
        await page.RouteAsync($"{Origin}/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (path == "/blank.html")
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>modules</title>" });
                return;
            }

            var file = Path.GetFullPath(Path.Combine(WebRoot, Uri.UnescapeDataString(path.TrimStart('/'))));
            if (path.StartsWith("/api/", StringComparison.Ordinal) || !file.StartsWith(WebRoot, StringComparison.Ordinal) || !File.Exists(file))
            {
                await route.FulfillAsync(new() { Status = 404, ContentType = "application/json", Body = "{\"title\":\"Not Found\"}" });
                return;
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = ContentType(file), BodyBytes = await File.ReadAllBytesAsync(file) });
        });
    }

    /// <summary>Opens an empty page on the viewer's origin, ready to import modules from /js/.</summary>
    public static async Task<IPage> OpenModulesPageAsync(ViewerPage viewer)
    {
        await ServeAsync(viewer.Page);
        await viewer.Page.GotoAsync($"{Origin}/blank.html");
        return viewer.Page;
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static string FindWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Pipeline.Functions", "wwwroot");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate + Path.DirectorySeparatorChar;
            }
        }

        throw new InvalidOperationException($"src/Pipeline.Functions/wwwroot/index.html not found above {AppContext.BaseDirectory}");
    }
}
