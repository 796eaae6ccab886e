using Azure;
using Azure.Data.Tables;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>Each outlet's learned boilerplate: the union of the runs its articles proved to be boilerplate
/// (<see cref="Core.Outlets.OutletRuns"/>), one row per outlet in table <c>postings</c>.</summary>
/// <remarks>
/// PK = Encode("outlet_" + outlet), RK = <c>boilerplate</c>. The set only grows, and unions commute, so whichever order
/// the articles teach it in, it ends the same. Writers merge with the row's ETag and retry when another got there first.
/// At most 88,000 runs per outlet (11 binary properties); runs learned beyond that are not kept.
/// </remarks>
internal sealed class OutletBoilerplateStore(PipelineStorage storage)
{
    private const string Row = "boilerplate";
    private const string Property = "Runs";
    private const int MaxChunks = 11;

    /// <summary>The runs known to be <paramref name="outlet"/>'s boilerplate, sorted.</summary>
    public async Task<ulong[]> ReadAsync(string outlet, CancellationToken cancellationToken = default)
    {
        var response = await storage.Postings.GetEntityIfExistsAsync<TableEntity>(Partition(outlet), Row, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? RunSet.Read(entity, Property, MaxChunks) : [];
    }

    /// <summary>Adds <paramref name="learned"/> (sorted) to the outlet's runs; returns the whole set after the change and whether it grew.</summary>
    public async Task<(ulong[] Runs, bool Grew)> AddAsync(string outlet, ulong[] learned, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await storage.Postings.GetEntityIfExistsAsync<TableEntity>(Partition(outlet), Row, cancellationToken: cancellationToken);
            var existing = response.HasValue ? response.Value : null;
            var known = existing is null ? [] : RunSet.Read(existing, Property, MaxChunks);
            var union = RunSet.Clip(Union(known, learned), MaxChunks);
            if (union.Length == known.Length)
            {
                return (known, false);
            }

            var entity = new TableEntity(Partition(outlet), Row) { ["Outlet"] = outlet };
            RunSet.Write(entity, Property, union, MaxChunks);
            try
            {
                if (existing is null)
                {
                    await storage.Postings.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await storage.Postings.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return (union, true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                // Another article of the outlet taught it something at the same moment: merge with that and try again.
            }
        }
    }

    private static ulong[] Union(ulong[] a, ulong[] b)
    {
        var union = new List<ulong>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i] < b[j]))
            {
                union.Add(a[i++]);
            }
            else if (i == a.Length || b[j] < a[i])
            {
                union.Add(b[j++]);
            }
            else
            {
                union.Add(a[i++]);
                j++;
            }
        }

        return [.. union];
    }

    private static string Partition(string outlet) => TableKey.Encode("outlet_" + outlet);
}
