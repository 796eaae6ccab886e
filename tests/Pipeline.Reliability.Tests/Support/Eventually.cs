using System.Diagnostics;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>Bounded waits: poll a condition until it holds or fail with what was last seen plus the logs that explain it.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="check"/> every <paramref name="every"/> (default 250 ms) until it returns true; throws after <paramref name="timeout"/>.</summary>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="check">Returns whether the condition holds and a description of the current state.</param>
    /// <param name="diagnostics">Extra text for the failure message (the app's and Azurite's recent log).</param>
    /// <param name="every">Polling interval.</param>
    public static async Task<TimeSpan> UntilAsync(string what, TimeSpan timeout, Func<Task<(bool Done, string State)>> check, Func<string>? diagnostics = null, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        var last = "(never checked)";
        Exception? lastError = null;
        while (true)
        {
            try
            {
                var (done, state) = await check();
                last = state;
                lastError = null;
                if (done)
                {
                    return clock.Elapsed;
                }
            }
#pragma warning disable CA1031 // A check may fail while storage is down on purpose; the last error is reported on timeout.
            catch (Exception e)
#pragma warning restore CA1031
            {
                lastError = e;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:F0}s waiting for {what}. Last state: {last}" +
                    (lastError is null ? string.Empty : $"\nLast check error: {lastError.GetType().Name}: {lastError.Message}") +
                    (diagnostics is null ? string.Empty : "\n" + diagnostics()));
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
