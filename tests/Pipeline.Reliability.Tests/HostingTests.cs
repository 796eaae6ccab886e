using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Pipeline.Reliability.Tests.Support;
using Xunit;

namespace Pipeline.Reliability.Tests;

/// <summary>The standalone app is reachable only from this machine unless told otherwise, and the repository holds no secrets.</summary>
public sealed partial class HostingTests
{
    [Fact]
    public async Task Standalone_DefaultBinding_ListensOnLoopbackOnlyAndSaysSo()
    {
        await using var run = await PipelineRun.StartAsync();
        var port = run.App.Port;
        var listeners = ListeningAddresses(port);
        Assert.NotEmpty(listeners);
        Assert.All(listeners, address => Assert.True(IPAddress.IsLoopback(address), $"the app listens on {address}:{port}"));

        foreach (var address in NonLoopbackAddresses())
        {
            using var client = new TcpClient(address.AddressFamily);
            var connected = false;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await client.ConnectAsync(address, port, timeout.Token);
                connected = true;
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException)
            {
            }

            Assert.False(connected, $"the app accepted a connection on {address}:{port}");
        }

        Assert.Matches("Running standalone .* on http://127\\.0\\.0\\.1:" + port + ".*Loopback only", run.App.Log);
    }

    [Fact]
    public void Repository_TrackedFiles_HoldNoStorageKeyButAzurites()
    {
        var files = Git("ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(files);
        var leaks = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(Repo.Root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 4 * 1024 * 1024)
            {
                continue;
            }

            var text = File.ReadAllText(path);
            foreach (Match match in AccountKey().Matches(text))
            {
                if (match.Groups["key"].Value != Pipeline.Testing.AzuriteFixture.AccountKey)
                {
                    leaks.Add($"{file}: AccountKey {match.Groups["key"].Value[..6]}…");
                }
            }

            foreach (Match match in SasSignature().Matches(text))
            {
                leaks.Add($"{file}: SAS signature {match.Value[..Math.Min(12, match.Value.Length)]}…");
            }
        }

        Assert.True(leaks.Count == 0, "Possible secrets in tracked files:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void Repository_LocalSettings_AreIgnoredAndUntracked()
    {
        foreach (var path in new[] { "src/Pipeline.Functions/local.settings.json", "local.settings.json" })
        {
            Assert.True(GitExitCode("check-ignore", "-q", "--no-index", path) == 0, $"{path} is not git-ignored");
            Assert.True(GitExitCode("ls-files", "--error-unmatch", path) != 0, $"{path} is tracked");
        }
    }

    private static List<IPAddress> ListeningAddresses(int port)
    {
        var result = new List<IPAddress>();
        foreach (var (file, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] != "0A" || int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) != port)
                {
                    continue;
                }

                var bytes = Convert.FromHexString(local[0]);
                // /proc prints each 32-bit word in host (little-endian) order.
                for (var i = 0; i < bytes.Length; i += 4)
                {
                    Array.Reverse(bytes, i, 4);
                }

                result.Add(new IPAddress(bytes));
            }
        }

        if (result.Count == 0 && IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == port) is var endpoints)
        {
            result.AddRange(endpoints.Select(e => e.Address));
        }

        return result;
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == AddressFamily.InterNetwork);

    private static string Git(params string[] arguments)
    {
        var (code, output) = RunGit(arguments);
        return code == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({code}); the secrets test needs git and a checkout: {output}");
    }

    private static int GitExitCode(params string[] arguments) => RunGit(arguments).Code;

    private static (int Code, string Output) RunGit(string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start; install git.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [GeneratedRegex(@"AccountKey\s*[=:]\s*""?(?<key>[A-Za-z0-9+/]{40,}={0,2})")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"[?&;]sig=[A-Za-z0-9%+/]{30,}")]
    private static partial Regex SasSignature();
}
