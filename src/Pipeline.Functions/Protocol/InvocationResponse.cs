using System.Text.Json.Serialization;

namespace Pipeline.Functions.Protocol;

/// <summary>What a custom handler answers the Functions host for a non-HTTP trigger.</summary>
/// <param name="Outputs">Output binding values by binding name (none here: the handlers write storage themselves).</param>
/// <param name="Logs">Lines the host adds to the invocation's log.</param>
/// <param name="ReturnValue">The function's return value (unused).</param>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    /// <summary>A response with the given log lines and nothing else.</summary>
    public static InvocationResponse WithLogs(IReadOnlyList<string> logs) => new(new Dictionary<string, object?>(), logs, null);
}
