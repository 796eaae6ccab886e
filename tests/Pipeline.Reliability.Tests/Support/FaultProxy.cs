using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Pipeline.Testing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>A request the proxy saw: method, decoded path, query and the status it answered.</summary>
public sealed record ProxiedRequest(string Method, string Path, string Query, int Status, bool Injected);

/// <summary>
/// A loopback HTTP proxy in front of one Azurite service that forwards every request byte-for-byte (Shared Key signatures stay
/// valid: they sign the path, not the host) and can, per rule, answer a status of its own for the first N matching requests or delay them.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private readonly ConcurrentQueue<ProxiedRequest> _seen = new();
    private readonly List<Rule> _rules = [];
    private readonly Lock _rulesLock = new();

    private FaultProxy(Uri target)
    {
        _target = target;
        Port = FreePort.Next();
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            MaxConnectionsPerServer = 256,
        })
        { Timeout = TimeSpan.FromMinutes(2) };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    /// <summary>The proxy's port.</summary>
    public int Port { get; }

    /// <summary>Every request so far.</summary>
    public IReadOnlyList<ProxiedRequest> Seen => [.. _seen];

    /// <summary>Starts a proxy forwarding to http://127.0.0.1:<paramref name="targetPort"/>.</summary>
    public static async Task<FaultProxy> StartAsync(int targetPort)
    {
        var proxy = new FaultProxy(new Uri($"http://127.0.0.1:{targetPort}"));
        await proxy._app.StartAsync();
        return proxy;
    }

    /// <summary>Answers <paramref name="status"/> (without forwarding) to the first <paramref name="times"/> requests whose method matches and whose decoded path matches <paramref name="pathPattern"/>.</summary>
    public FaultRule Fail(string method, string pathPattern, int status, int times = int.MaxValue) => Add(new Rule(method, new Regex(pathPattern, RegexOptions.CultureInvariant), status, TimeSpan.Zero, times));

    /// <summary>Delays (then forwards) the first <paramref name="times"/> matching requests by <paramref name="delay"/>.</summary>
    public FaultRule Delay(string method, string pathPattern, TimeSpan delay, int times = int.MaxValue) => Add(new Rule(method, new Regex(pathPattern, RegexOptions.CultureInvariant), 0, delay, times));

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_rulesLock)
        {
            _rules.Clear();
        }
    }

    /// <summary>Requests seen whose method matches and whose decoded path matches the pattern.</summary>
    public IReadOnlyList<ProxiedRequest> Matching(string method, string pathPattern)
    {
        var regex = new Regex(pathPattern, RegexOptions.CultureInvariant);
        return Seen.Where(r => (method == "*" || r.Method == method) && regex.IsMatch(r.Path)).ToList();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private FaultRule Add(Rule rule)
    {
        lock (_rulesLock)
        {
            _rules.Add(rule);
        }

        return rule.Handle;
    }

    private Rule? Take(string method, string path)
    {
        lock (_rulesLock)
        {
            foreach (var rule in _rules)
            {
                if ((rule.Method == "*" || rule.Method == method) && rule.Remaining > 0 && rule.Path.IsMatch(path))
                {
                    rule.Remaining--;
                    rule.Handle.Count();
                    return rule;
                }
            }
        }

        return null;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var rawPath = raw.Split('?', 2)[0];
        var path = Uri.UnescapeDataString(rawPath);
        var query = raw.Contains('?', StringComparison.Ordinal) ? raw[(raw.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        var method = context.Request.Method;
        var rule = Take(method, path);
        if (rule is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (rule is { Status: > 0 })
        {
            // Drain the body so the client sees an answer, not a reset.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.StatusCode = rule.Status;
            context.Response.Headers["x-ms-error-code"] = rule.Status switch
            {
                403 => "AuthorizationFailure",
                404 => "ContainerNotFound",
                503 => "ServerBusy",
                _ => "InjectedFault",
            };
            _seen.Enqueue(new ProxiedRequest(method, path, query, rule.Status, true));
            if (method != "HEAD")
            {
                await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{context.Response.Headers["x-ms-error-code"]}</Code><Message>Injected by the test proxy.</Message></Error>");
            }

            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_target, raw));
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            // The service is down: behave like a gateway would.
            _seen.Enqueue(new ProxiedRequest(method, path, query, 502, false));
            context.Response.StatusCode = 502;
            return;
        }

        using (response)
        {
            _seen.Enqueue(new ProxiedRequest(method, path, query, (int)response.StatusCode, false));
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                context.Response.Headers[header.Key] = header.Value.ToArray();
            }

            if (method != "HEAD")
            {
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }

    private sealed class Rule(string method, Regex path, int status, TimeSpan delay, int remaining)
    {
        public string Method { get; } = method;

        public Regex Path { get; } = path;

        public int Status { get; } = status;

        public TimeSpan Delay { get; } = delay;

        public int Remaining { get; set; } = remaining;

        public FaultRule Handle { get; } = new($"{method} {path} → {(status > 0 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"delay {delay.TotalSeconds}s")}");
    }
}

/// <summary>A rule added to a <see cref="FaultProxy"/>: counts the requests it matched (failed or delayed), so a test can prove its fault fired.</summary>
public sealed class FaultRule
{
    private int _matched;

    internal FaultRule(string description) => Description = description;

    /// <summary>What the rule does, for messages.</summary>
    public string Description { get; }

    /// <summary>How many requests the rule has answered or delayed so far.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <inheritdoc/>
    public override string ToString() => $"{Description} (matched {Matched}×)";

    internal void Count() => Interlocked.Increment(ref _matched);
}
