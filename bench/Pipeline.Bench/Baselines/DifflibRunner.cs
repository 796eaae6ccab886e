using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Bench.Baselines;

/// <summary>Runs difflib_align.py under python3 on a batch of pairs and reads back spans and per-pair times.</summary>
internal static class DifflibRunner
{
    /// <summary>Matched character spans and the time difflib took for one pair.</summary>
    public sealed record PairResult(string A, string B, double Seconds, IReadOnlyList<(int AStart, int AEnd, int BStart, int BEnd)> Blocks);

    public static async Task<(double TokenizeSeconds, IReadOnlyList<PairResult> Pairs)> RunAsync(
        IReadOnlyDictionary<string, string> articles,
        IReadOnlyList<(string A, string B)> pairs,
        CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "difflib_align.py");
        var input = new JsonObject
        {
            ["articles"] = new JsonObject(articles.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["pairs"] = new JsonArray(pairs.Select(p => (JsonNode?)new JsonArray(p.A, p.B)).ToArray()),
            ["min_words"] = 5,
        };
        var inputFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(inputFile, input.ToJsonString(), cancellationToken);
            var start = new ProcessStartInfo("python3", $"\"{script}\"")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
            await using (var stdin = process.StandardInput.BaseStream)
            await using (var file = File.OpenRead(inputFile))
            {
                await file.CopyToAsync(stdin, cancellationToken);
            }

            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"python3 difflib_align.py failed ({process.ExitCode}): {await stderr}");
            }

            using var doc = JsonDocument.Parse(await stdout);
            var results = new List<PairResult>();
            foreach (var pair in doc.RootElement.GetProperty("pairs").EnumerateArray())
            {
                var blocks = pair.GetProperty("blocks").EnumerateArray()
                    .Select(b => (b[0].GetInt32(), b[1].GetInt32(), b[2].GetInt32(), b[3].GetInt32()))
                    .ToList();
                results.Add(new PairResult(pair.GetProperty("a").GetString()!, pair.GetProperty("b").GetString()!,
                    pair.GetProperty("seconds").GetDouble(), blocks));
            }

            return (doc.RootElement.GetProperty("tokenize_seconds").GetDouble(), results);
        }
        finally
        {
            File.Delete(inputFile);
        }
    }
}
