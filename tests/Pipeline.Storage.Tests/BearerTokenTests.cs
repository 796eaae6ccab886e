using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Tables;
using Xunit;

namespace Pipeline.Storage.Tests;

// Azurite only accepts OAuth over HTTPS with its own certificate setup, so the token path is checked against a real local
// TLS server that records the request: the pipeline must ask the credential for the storage scope and send the token.
// Whether Microsoft Entra and Azure Storage accept it is only verifiable against real Azure.
public sealed class BearerTokenTests
{
    [Fact]
    public async Task BlobServiceClient_TokenCredential_SendsBearerTokenForStorageScope()
    {
        await using var server = await TlsCaptureServer.StartAsync();
        var credential = new RecordingCredential();
        var options = new BlobClientOptions { Transport = server.Transport };

        var exists = await new BlobServiceClient(new Uri($"https://127.0.0.1:{server.Port}/account"), credential, options)
            .GetBlobContainerClient("articles").ExistsAsync();

        Assert.True(exists.Value);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Contains("Authorization: Bearer token-for-test", server.LastRequest, StringComparison.Ordinal);
        Assert.Contains("x-ms-version: 2025-01-05", server.LastRequest, StringComparison.Ordinal);
        Assert.StartsWith("HEAD /account/articles?restype=container ", server.LastRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableServiceClient_TokenCredential_SendsBearerTokenAndNoSharedKey()
    {
        await using var server = await TlsCaptureServer.StartAsync();
        var credential = new RecordingCredential();
        var options = new TableClientOptions { Transport = server.Transport };

        await new TableServiceClient(new Uri($"https://127.0.0.1:{server.Port}/account"), credential, options)
            .GetTableClient("Alignments").DeleteEntityAsync("p", "r");

        Assert.Contains("Authorization: Bearer token-for-test", server.LastRequest, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedKey", server.LastRequest, StringComparison.Ordinal);
        Assert.Contains("x-ms-version: 2019-02-02", server.LastRequest, StringComparison.Ordinal);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Answers one HTTPS request per connection with 200/204 (by method) and keeps the last request's head.</summary>
    private sealed class TlsCaptureServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new();
        private Task? _loop;

        private TlsCaptureServer(X509Certificate2 certificate)
        {
            _certificate = certificate;
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public string LastRequest { get; private set; } = "";

        // Trusts exactly this server's self-signed certificate.
        public HttpClientTransport Transport => new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == _certificate.Thumbprint,
        });

        public static Task<TlsCaptureServer> StartAsync()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
            var server = new TlsCaptureServer(certificate);
            server._listener.Start();
            server._loop = Task.Run(server.AcceptLoopAsync);
            return Task.FromResult(server);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            if (_loop is not null)
            {
                await _loop;
            }

            _certificate.Dispose();
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

                using (client)
                {
                    try
                    {
                        await using var tls = new SslStream(client.GetStream());
                        await tls.AuthenticateAsServerAsync(_certificate);
                        var head = new StringBuilder();
                        var buffer = new byte[16 * 1024];
                        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            var read = await tls.ReadAsync(buffer, _stop.Token);
                            if (read == 0)
                            {
                                break;
                            }

                            head.Append(Encoding.UTF8.GetString(buffer, 0, read));
                        }

                        LastRequest = head.ToString();
                        var status = LastRequest.StartsWith("DELETE", StringComparison.Ordinal) ? "204 No Content" : "200 OK";
                        await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nx-ms-request-id: tls-1\r\nConnection: close\r\n\r\n"), _stop.Token);
                    }
                    catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
                    {
                    }
                }
            }
        }
    }
}
