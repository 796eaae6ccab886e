using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;

namespace Pipeline.Cli.Measure;

/// <summary>The alignments a running app stored for a corpus, read page by page from its <c>GET /api/alignments</c>, so
/// the measure can judge the app (incremental, concurrent) with the same yardstick as the CLI's own alignment.</summary>
internal static class StoredAlignments
{
    /// <summary>Every stored pair once, with blob names (paths relative to <paramref name="root"/>) mapped to the corpus files' names.</summary>
    /// <param name="api">The API base, e.g. http://localhost:7071/api.</param>
    /// <param name="root">The corpus folder the app was fed from.</param>
    /// <param name="files">The corpus as read from disk.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<(IReadOnlyList<Alignment> Alignments, int Unknown)> ReadAsync(Uri api, string root, ArticleFiles files, CancellationToken cancellationToken)
    {
        var byBlobName = files.Articles.ToDictionary(a => Path.GetRelativePath(root, a.Name).Replace('\\', '/'), a => a.Name, StringComparer.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var alignments = new List<Alignment>();
        var unknown = 0;
        string? token = null;
        do
        {
            var url = new Uri(api.ToString().TrimEnd('/') + "/alignments?top=1000" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            var page = await http.GetFromJsonAsync<JsonElement>(url, cancellationToken);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (Span(item.GetProperty("source"), byBlobName) is { } source && Span(item.GetProperty("target"), byBlobName) is { } target)
                {
                    alignments.Add(new Alignment(source, target, item.GetProperty("score").GetDouble(), Kind(item.GetProperty("kind").GetString()), []));
                }
                else
                {
                    // Stored under a name the folder does not have (an article uploaded from elsewhere).
                    unknown++;
                }
            }

            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        return (alignments, unknown);
    }

    private static AlignedSpan? Span(JsonElement span, Dictionary<string, string> byBlobName) =>
        byBlobName.TryGetValue(span.GetProperty("article").GetString() ?? string.Empty, out var name)
            ? new AlignedSpan(name, span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32(), span.GetProperty("text").GetString() ?? string.Empty)
            : null;

    private static PassageKind Kind(string? kind) => kind switch
    {
        "quote" => PassageKind.Quote,
        "copy" => PassageKind.Copy,
        _ => PassageKind.Text,
    };
}
