using System.Diagnostics;
using System.Net;
using System.Text;
using Pipeline.Testing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>The app as a real child process (<c>dotnet Pipeline.Functions.dll --port N</c>) with settings in its environment.</summary>
/// <remarks>Killing it is a real SIGKILL: nothing in the app gets to clean up, which is the point of the crash tests.</remarks>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("pipeline-app-").FullName;
    private Process? _process;

    /// <summary>Prepares (does not start) an app talking to <paramref name="storageConnection"/> with extra <c>Pipeline__*</c>-style settings.</summary>
    public AppProcess(string storageConnection, IReadOnlyDictionary<string, string>? settings = null, IReadOnlyList<string>? arguments = null)
    {
        Port = FreePort.Next();
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = storageConnection,
            ["Pipeline__PollIntervalSeconds"] = "0.25",
            ["Pipeline__MaxBackoffSeconds"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }

        _arguments = arguments ?? ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The loopback port the app listens on.</summary>
    public int Port { get; }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>A client for the app's API.</summary>
    public HttpClient Http { get; }

    /// <summary>The OS process id while running.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Everything the app printed (both streams, all runs).</summary>
    public string Log
    {
        get
        {
            lock (_logLock)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string RecentLog(int lines = 60)
    {
        var all = Log.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>Starts the app and waits until /api/health answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        Append($"---- starting app on port {Port} ----");
        var process = Launch();
        _process = process;

        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting. Log:\n{RecentLog()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(BaseAddress, "api/health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (clock.Elapsed > s_startTimeout)
            {
                Kill();
                throw new TimeoutException($"The app did not answer /api/health within {s_startTimeout.TotalSeconds}s. Log:\n{RecentLog()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Starts the app process with this instance's arguments and settings, its output going to the log.</summary>
    private Process Launch()
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repo.AppDll);
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Settings the test did not choose must not leak in from the machine running the tests.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Pipeline__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k == "FUNCTIONS_CUSTOMHANDLER_PORT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Starts the app and returns without waiting for it to be healthy (for start-up failure tests).</summary>
    public async Task<(int ExitCode, string Log)> RunToExitAsync(TimeSpan timeout)
    {
        using var process = Launch();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"The app did not exit within {timeout.TotalSeconds}s. Log:\n{RecentLog()}");
        }

        process.WaitForExit();
        return (process.ExitCode, Log);
    }

    /// <summary>SIGKILL: the process dies at once, mid-whatever it was doing.</summary>
    public void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: false);
            }

            process.WaitForExit(10_000);
            Append($"---- app killed (exit {(process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}) ----");
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            // Keep the tail: long runs log a line per article.
            if (_log.Length > 4 * 1024 * 1024)
            {
                _log.Remove(0, 2 * 1024 * 1024);
            }

            _log.AppendLine(line);
        }
    }
}
