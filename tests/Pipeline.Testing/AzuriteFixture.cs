using System.Diagnostics;
using System.Text;
using Xunit;

namespace Pipeline.Testing;

/// <summary>Runs a private Azurite (blob, queue, table) on free ports for a test class or collection; kills it on dispose.</summary>
/// <remarks>Azurite is found via env PIPELINE_AZURITE, else by walking up from the test binaries to
/// tools/azurite/node_modules/.bin/azurite. In-memory by default; <see cref="PersistentAzuriteFixture"/> keeps data across
/// <see cref="StopAsync()"/>/<see cref="StartAsync"/> for fault tests.</remarks>
public class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The emulator account's published key (not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The emulator account name.</summary>
    public const string AccountName = "devstoreaccount1";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly bool _persistent;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();
    private readonly string _workDirectory;
    private Process? _process;
    private int _readyLines;

    /// <summary>An in-memory Azurite (data is lost on restart).</summary>
    public AzuriteFixture()
        : this(persistent: false)
    {
    }

    /// <summary>An Azurite that is in-memory or, when <paramref name="persistent"/>, stores data in a temp directory that survives restarts.</summary>
    protected AzuriteFixture(bool persistent)
    {
        _persistent = persistent;
        _workDirectory = Path.Combine(Path.GetTempPath(), "pipeline-azurite-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The Blob service port.</summary>
    public int BlobPort { get; private set; }

    /// <summary>The Queue service port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The Table service port.</summary>
    public int TablePort { get; private set; }

    /// <summary>Path-style endpoints with the devstoreaccount1 key, e.g. for the official clients.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>True while the Azurite process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything Azurite printed so far (for diagnostics in failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Locates the azurite launcher or throws with instructions.</summary>
    public static string FindAzurite()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PIPELINE_AZURITE");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException($"PIPELINE_AZURITE points to '{fromEnvironment}', which does not exist. Run ./test.sh or (cd tools/azurite && npm ci).");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Azurite is not installed: run ./test.sh, or (cd tools/azurite && npm ci --no-audit --no-fund), or set PIPELINE_AZURITE to the azurite binary.");
    }

    /// <summary>Starts Azurite on fresh free ports (new ports are tried if another process grabbed one meanwhile).</summary>
    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            BlobPort = FreePort.Next();
            QueuePort = FreePort.Next();
            TablePort = FreePort.Next();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                lock (_outputLock)
                {
                    _output.Clear();
                }
            }
        }
    }

    /// <summary>Kills Azurite (whole process tree) and deletes its files.</summary>
    public async Task DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>(Re)starts Azurite on the same ports and waits until all three services accept connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var azurite = FindAzurite();
        Directory.CreateDirectory(_workDirectory);
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var readyBefore = Volatile.Read(ref _readyLines);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run '{azurite}' (is Node.js installed?): {e.Message}. Run ./test.sh or (cd tools/azurite && npm ci).", e);
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }

            // Azurite prints this after the last (table) server is bound; checking the ports as well guards against the
            // line changing, and checking the line guards against another process owning one of the ports.
            if (Volatile.Read(ref _readyLines) > readyBefore
                && await FreePort.IsListeningAsync(BlobPort, cancellationToken)
                && await FreePort.IsListeningAsync(QueuePort, cancellationToken)
                && await FreePort.IsListeningAsync(TablePort, cancellationToken))
            {
                return;
            }

            if (deadline.Elapsed > s_startTimeout)
            {
                await StopAsync();
                throw new TimeoutException($"Azurite did not listen on {BlobPort}/{QueuePort}/{TablePort} within {s_startTimeout.TotalSeconds}s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops Azurite gracefully (SIGTERM, so a persistent instance saves its data), killing the process tree if it
    /// lingers, and waits until the ports are free; the ports are kept for <see cref="StartAsync"/>.</summary>
    public Task StopAsync() => StopAsync(graceful: true);

    /// <summary>Kills Azurite's process tree at once, like a crash: a persistent instance loses up to 5 s of unsaved writes.</summary>
    public Task KillAsync() => StopAsync(graceful: false);

    private async Task StopAsync(bool graceful)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (graceful && !process.HasExited && !OperatingSystem.IsWindows())
            {
                // Azurite flushes its LokiJS databases on SIGTERM; a hard kill would drop the last autosave interval.
                using var signal = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                if (signal is not null)
                {
                    await signal.WaitForExitAsync();
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }

        // Wait for the listening sockets to close so a restart can bind the same ports.
        for (var i = 0; i < 50 && (await FreePort.IsListeningAsync(BlobPort) || await FreePort.IsListeningAsync(QueuePort) || await FreePort.IsListeningAsync(TablePort)); i++)
        {
            await Task.Delay(100);
        }
    }

    private IEnumerable<string> Arguments()
    {
        // Azurite refuses --location together with --inMemoryPersistence; in-memory runs use the working directory for logs.
        if (_persistent)
        {
            yield return "--location";
            yield return _workDirectory;
        }
        else
        {
            yield return "--inMemoryPersistence";
        }
        yield return "--disableTelemetry";

        // Tests build their own official clients, whose newest service version can be ahead of Azurite; the app pins one Azurite serves.
        yield return "--skipApiVersionCheck";
        yield return "--silent";
        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--blobPort";
        yield return BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--queueHost";
        yield return "127.0.0.1";
        yield return "--queuePort";
        yield return QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--tableHost";
        yield return "127.0.0.1";
        yield return "--tablePort";
        yield return TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Table service is successfully listening", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _readyLines);
        }

        lock (_outputLock)
        {
            if (_output.Length < 256 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }
}
