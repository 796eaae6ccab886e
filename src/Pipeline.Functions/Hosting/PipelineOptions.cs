using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Functions.Hosting;

/// <summary>The app's settings, read from the <c>Pipeline</c> configuration section (env <c>Pipeline__*</c>).</summary>
internal sealed record PipelineOptions
{
    /// <summary>Articles larger than this are rejected before they are read.</summary>
    public long MaxArticleBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Alignments scoring below this are not stored.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>How often the standalone trigger scans the containers.</summary>
    public double PollIntervalSeconds { get; init; } = 2;

    /// <summary>How many times the standalone trigger tries a blob before recording it as poisoned.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How many blobs the standalone trigger processes at once.</summary>
    public int MaxParallelism { get; init; } = 4;

    /// <summary>Longest wait between retries of a failing blob.</summary>
    public double MaxBackoffSeconds { get; init; } = 60;

    /// <summary>Addresses the standalone app listens on; loopback unless set.</summary>
    public string? Urls { get; init; }

    /// <summary>Only articles dated within this many days of each other are aligned; null (the default) aligns across any span.</summary>
    public int? WindowDays { get; init; }

    /// <summary>The time window <see cref="WindowDays"/> sets.</summary>
    public PublicationWindow Window => new(WindowDays);

    /// <summary>Where candidates are looked up (<see cref="CandidateIndexKind"/>); the mirror unless set.</summary>
    public CandidateIndexKind CandidateIndex { get; init; } = CandidateIndexKind.Mirror;

    /// <summary>Whether the standalone app runs the blob triggers itself (off for a read-only API replica).</summary>
    public bool RunTriggers { get; init; } = true;

    /// <summary>Reads and validates the settings; a bad value throws naming the setting.</summary>
    public static PipelineOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Pipeline");
        var defaults = new PipelineOptions();
        var candidateIndex = Read(section, nameof(CandidateIndex), (CandidateIndexKind?)defaults.CandidateIndex, CandidateIndexOf);
        var options = new PipelineOptions
        {
            MaxArticleBytes = Read(section, nameof(MaxArticleBytes), defaults.MaxArticleBytes, v => long.Parse(v, Invariant)),
            MinScore = Read(section, nameof(MinScore), defaults.MinScore, ParseDouble),
            PollIntervalSeconds = Read(section, nameof(PollIntervalSeconds), defaults.PollIntervalSeconds, ParseDouble),
            MaxAttempts = Read(section, nameof(MaxAttempts), defaults.MaxAttempts, v => int.Parse(v, Invariant)),
            MaxParallelism = Read(section, nameof(MaxParallelism), defaults.MaxParallelism, v => int.Parse(v, Invariant)),
            MaxBackoffSeconds = Read(section, nameof(MaxBackoffSeconds), defaults.MaxBackoffSeconds, ParseDouble),
            Urls = section[nameof(Urls)] is { Length: > 0 } urls ? urls : null,
            RunTriggers = Read(section, nameof(RunTriggers), defaults.RunTriggers, bool.Parse),
            WindowDays = Read<int?>(section, nameof(WindowDays), defaults.WindowDays, v => int.Parse(v, Invariant)),
            CandidateIndex = candidateIndex ?? defaults.CandidateIndex,
        };
        Require(options.MaxArticleBytes is > 0, nameof(MaxArticleBytes), "must be a positive number of bytes");
        Require(options.MinScore is >= 0 and <= 1, nameof(MinScore), "must be between 0 and 1");
        Require(options.PollIntervalSeconds is > 0 and <= 3600, nameof(PollIntervalSeconds), "must be between 0 and 3600 seconds");
        Require(options.MaxAttempts is >= 1 and <= 100, nameof(MaxAttempts), "must be between 1 and 100");
        Require(options.MaxParallelism is >= 1 and <= 64, nameof(MaxParallelism), "must be between 1 and 64");
        Require(options.MaxBackoffSeconds is >= 0 and <= 3600, nameof(MaxBackoffSeconds), "must be between 0 and 3600 seconds");
        Require(candidateIndex is not null, nameof(CandidateIndex), "must be 'mirror' or 'sharded'");
        Require(options.WindowDays is null or (>= 0 and <= 36500), nameof(WindowDays), "must be a whole number of days from 0 to 36500, or empty for no window");
        return options;
    }

    private static System.Globalization.CultureInfo Invariant => System.Globalization.CultureInfo.InvariantCulture;

    private static CandidateIndexKind? CandidateIndexOf(string value) => value.ToUpperInvariant() switch
    {
        "MIRROR" => CandidateIndexKind.Mirror,
        "SHARDED" => CandidateIndexKind.Sharded,
        _ => null,
    };

    private static double ParseDouble(string value) => double.Parse(value, System.Globalization.NumberStyles.Float, Invariant);

    private static T Read<T>(IConfigurationSection section, string key, T fallback, Func<string, T> parse)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        try
        {
            return parse(raw.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Setting Pipeline:{key} (env Pipeline__{key}) has an invalid value '{raw}'.");
        }
        catch (OverflowException)
        {
            throw new InvalidOperationException($"Setting Pipeline:{key} (env Pipeline__{key}) is out of range: '{raw}'.");
        }
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Setting Pipeline:{key} (env Pipeline__{key}) {message}.");
        }
    }
}
