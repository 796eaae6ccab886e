using System.Collections.Concurrent;

namespace Pipeline.Functions.Storage;

/// <summary>Reads many keys a few at a time: around a wire story a refresh reads hundreds of partitions and rows, which
/// one after another would make its latency grow with the cluster.</summary>
internal static class ConcurrentReads
{
    /// <summary>Reads in flight at once.</summary>
    public const int Parallelism = 8;

    /// <summary>Each distinct key's value; keys read as null are left out.</summary>
    public static async Task<Dictionary<string, TValue>> ReadAsync<TValue>(
        IEnumerable<string> keys, Func<string, CancellationToken, Task<TValue?>> read, CancellationToken cancellationToken)
        where TValue : class
    {
        var found = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            keys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                if (await read(key, ct) is { } value)
                {
                    found[key] = value;
                }
            });
        return new Dictionary<string, TValue>(found, StringComparer.Ordinal);
    }
}
