using Pipeline.Bench.Corpus;

namespace Pipeline.Bench.Macro;

/// <summary>Measurement 4: articles through the standalone app over Azurite.</summary>
internal static class EndToEnd
{
    public static Task RunAsync(MacroReport report, CorpusGenerator generator, MacroOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        report.Line("## 4. End to end on Azurite");
        report.Line();
        report.Line("Not run yet: the standalone app has not landed on this branch.");
        report.Line();
        log($"e2e skipped ({generator.QueryStories}, {options.EndToEndArticles}, {cancellationToken.CanBeCanceled})");
        return Task.CompletedTask;
    }
}
