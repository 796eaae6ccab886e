using System.Globalization;


namespace Pipeline.Functions.Hosting;

/// <summary>The app's own command-line options (everything else is configuration: <c>--Pipeline:MinScore=0.6</c> style).</summary>
/// <param name="Port">--port N: listen on http://127.0.0.1:N in standalone mode.</param>
/// <param name="Urls">--urls: listen addresses in standalone mode (semicolon-separated).</param>
/// <param name="Seed">--seed DIR: upload DIR's files into the articles container at start-up.</param>
/// <param name="Help">--help: print usage and exit.</param>
/// <param name="Rest">Arguments left for the configuration system.</param>
internal sealed record CommandLine(int? Port, string? Urls, string? Seed, bool Help, IReadOnlyList<string> Rest)
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        Pipeline.Functions: the pipeline's Azure Functions isolated worker; when no Functions host starts it, its own local host
        (the API on Kestrel and the blob trigger runner).

        Usage: Pipeline.Functions [--port N | --urls URLS] [--seed DIR]

          --port N      listen on http://127.0.0.1:N (default 7071; loopback only)
          --urls URLS   listen on these addresses instead, e.g. http://0.0.0.0:7071 (or set Pipeline__Urls)
          --seed DIR    upload DIR's files into the 'articles' container at start-up (unchanged files are skipped)
          --help        show this help

        Settings (environment, or local.settings.json "Values" in standalone mode):
          AzureWebJobsStorage            storage connection (UseDevelopmentStorage=true for Azurite)
          Pipeline__MaxArticleBytes      largest article accepted (default 4194304)
          Pipeline__MinScore             smallest alignment score stored (default 0.5)
          Pipeline__PollIntervalSeconds  standalone trigger scan interval (default 2)
          Pipeline__MaxAttempts          attempts before a blob is poisoned (default 5)
          Pipeline__MaxParallelism       blobs processed at once (default 4)
          Pipeline__WindowDays           align only articles dated within N days of each other (default: no window)
        """;

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a user-facing message on bad input.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        string? urls = null;
        string? seed = null;
        var help = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--port":
                    var text = Value();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                    {
                        throw new FormatException($"--port must be a number between 1 and 65535, not '{text}'.");
                    }

                    port = p;
                    break;
                case "--urls":
                    urls = Value();
                    break;
                case "--seed":
                    seed = Value();
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    rest.Add(arg);
                    break;
            }
        }

        return new CommandLine(port, urls, seed, help, rest);
    }
}
