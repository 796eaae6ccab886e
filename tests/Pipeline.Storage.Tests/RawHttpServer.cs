using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Storage.Tests;

/// <summary>A real TCP server on a free port that answers every request with a fixed raw HTTP response, or never answers
/// (a black hole), to exercise retries and per-try timeouts against real sockets.</summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string? _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _loop;
    private int _requests;

    private RawHttpServer(string? response)
    {
        _response = response;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    internal int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    internal int Requests => Volatile.Read(ref _requests);

    internal string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Testing.AzuriteFixture.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    internal static RawHttpServer Answering(int status, string reason, string errorCode) => new(
        $"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nx-ms-error-code: {errorCode}\r\nx-ms-request-id: raw-{Guid.NewGuid():N}\r\nConnection: close\r\n\r\n");

    internal static RawHttpServer BlackHole() => new(null);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_clients)
            {
                _clients.Add(client);
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            var received = new StringBuilder();
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            Interlocked.Increment(ref _requests);
            if (_response is null)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(_response), _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            if (_response is not null)
            {
                client.Dispose();
            }
        }
    }
}
