using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Pipeline.Viewer.Tests.Browser;

/// <summary>A browser page plus everything that went wrong in it, so tests can assert a clean run.</summary>
public sealed class ViewerPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();

    private ViewerPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"uncaught: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Requests aborted on purpose (a newer search replaced an older one) are not failures.
            if (request.Failure is not null && !request.Failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                _problems.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors, uncaught exceptions and failed requests seen so far.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    internal static async Task<ViewerPage> CreateAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new ViewerPage(context, page);
    }

    /// <summary>Saves a full-page PNG under the test output folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
