using System.Text.RegularExpressions;

namespace Pipeline.Bench.Macro;

/// <summary>Storage requests counted from Azurite's debug log: totals, and table requests by the partition their URL names.</summary>
/// <remarks>Point reads and writes name the partition in the path, queries in <c>$filter</c>; a <c>$batch</c> names it only
/// in its body, so batches are counted under <c>$batch</c> and left out of the partition shares.</remarks>
internal sealed partial record RequestLog(int Total, int Table, IReadOnlyDictionary<string, int> ByPartition)
{
    /// <summary>Requests by kind: service, method, table or container, and for tables whether a point, query or batch.</summary>
    public IReadOnlyDictionary<string, int> ByOperation { get; init; } = new Dictionary<string, int>();

    public static RequestLog Read(string debugLog)
    {
        var byPartition = new Dictionary<string, int>(StringComparer.Ordinal);
        var byOperation = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0, table = 0;
        if (!File.Exists(debugLog))
        {
            return new RequestLog(0, 0, byPartition);
        }

        using var stream = new FileStream(debugLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf("StorageContextMiddleware: RequestMethod=", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            total++;
            var method = EndToEnd.Between(line, "RequestMethod=", " ");
            var url = Uri.UnescapeDataString(EndToEnd.Between(line, "RequestURL=", " "));
            var resource = TablePath().Match(url) is { Success: true } r ? r.Groups[1].Value : "?";
            if (!line.AsSpan(0, at).EndsWith("Table", StringComparison.Ordinal))
            {
                var blobOperation = $"blob {method} {resource}{(url.Contains("comp=list", StringComparison.Ordinal) ? " list" : string.Empty)}";
                byOperation[blobOperation] = byOperation.GetValueOrDefault(blobOperation) + 1;
                continue;
            }

            table++;
            var isBatch = url.Contains("$batch", StringComparison.Ordinal);
            var key = isBatch ? "$batch" : Partition(url);
            byPartition[key] = byPartition.GetValueOrDefault(key) + 1;
            var operation = $"table {method} {resource} {(isBatch ? "batch" : PointKey().IsMatch(url) ? "point" : "query")}";
            byOperation[operation] = byOperation.GetValueOrDefault(operation) + 1;
        }

        return new RequestLog(total, table, byPartition) { ByOperation = byOperation };
    }

    /// <summary>Reads the log once the app's work has reached it: the receipts written after an article's final status, and
    /// lines Azurite's logger still buffers (under load it lags by thousands of requests). Settled means fewer than
    /// <paramref name="idleRequests"/> new requests in two seconds: the standalone trigger's idle scans, which are counted.</summary>
    public static async Task<RequestLog> ReadSettledAsync(string debugLog, CancellationToken cancellationToken, int idleRequests = 30)
    {
        var last = Read(debugLog);
        for (var waited = 0; waited < 60; waited += 2)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var now = Read(debugLog);
            if (now.Total - last.Total < idleRequests)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    public RequestLog Minus(RequestLog earlier) => new(
        Total - earlier.Total,
        Table - earlier.Table,
        ByPartition.ToDictionary(p => p.Key, p => p.Value - earlier.ByPartition.GetValueOrDefault(p.Key), StringComparer.Ordinal))
    {
        ByOperation = ByOperation.ToDictionary(p => p.Key, p => p.Value - earlier.ByOperation.GetValueOrDefault(p.Key), StringComparer.Ordinal),
    };

    /// <summary>The partition with the most table requests, and its share of the requests whose partition is known.</summary>
    public (string Partition, double Share) Hottest()
    {
        var known = ByPartition.Where(p => p.Key is not ("$batch" or "(none)")).ToList();
        var sum = known.Sum(p => p.Value);
        if (sum == 0)
        {
            return ("-", 0);
        }

        var top = known.MaxBy(p => p.Value);
        return (top.Key, top.Value / (double)sum);
    }

    private static string Partition(string url)
    {
        var table = TablePath().Match(url);
        var name = table.Success ? table.Groups[1].Value : "?";
        var point = PointKey().Match(url);
        if (point.Success)
        {
            return name + "/" + point.Groups[1].Value;
        }

        var filter = FilterKey().Match(url);
        return filter.Success ? name + "/" + filter.Groups[1].Value : name + "/(none)";
    }

    [GeneratedRegex(@"devstoreaccount1/([A-Za-z0-9]+)")]
    private static partial Regex TablePath();

    [GeneratedRegex(@"PartitionKey='((?:[^']|'')*)'")]
    private static partial Regex PointKey();

    [GeneratedRegex(@"PartitionKey eq '((?:[^']|'')*)'")]
    private static partial Regex FilterKey();
}
