namespace Pipeline.Cli;

/// <summary>Where a command writes: results to <see cref="Output"/>, diagnostics to <see cref="Error"/>, progress only to a terminal.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private bool _progressShown;

    /// <summary>Machine-readable results.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Warnings and errors for people.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Reports that an input was skipped, and why.</summary>
    public void Skip(string file, string reason)
    {
        ClearProgress();
        Error.WriteLine($"pipeline: skipped {file}: {reason}");
    }

    /// <summary>Shows "what done/total" on stderr when stderr is a terminal; silent otherwise.</summary>
    public void Progress(string what, int done, int total)
    {
        if (!_interactive)
        {
            return;
        }

        Error.Write($"\r{what} {done}/{total}\u001b[K");
        _progressShown = true;
    }

    /// <summary>Erases the progress line before other output.</summary>
    public void ClearProgress()
    {
        if (_progressShown)
        {
            Error.Write("\r\u001b[K");
            _progressShown = false;
        }
    }
}
