using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>Counts every try that reaches the transport (add it with ClientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry)).</summary>
public sealed class RequestCountingPolicy : HttpPipelinePolicy
{
    private int _attempts;

    /// <summary>Tries sent so far (including retries and tries that failed with an exception).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Method and URL of every try, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <inheritdoc/>
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc/>
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        Interlocked.Increment(ref _attempts);
        Requests.Enqueue($"{message.Request.Method} {message.Request.Uri}");
    }
}
