namespace Pipeline.Core.Candidates.Sharding;

/// <summary>A shingle's posting row as read from the table: who contains the shingle, or that it is common.</summary>
/// <param name="Hash">The shingle hash (the row key).</param>
/// <param name="Common">Marked common: the list passed the cap once, and the shingle counts as boilerplate from then on.</param>
/// <param name="Postings">Live postings (tombstones left out).</param>
/// <param name="Tombstones">Postings overwritten by removals, still taking up properties.</param>
public sealed record PostingRow(ulong Hash, bool Common, IReadOnlyList<StoredPosting> Postings, int Tombstones)
{
    /// <summary>The property that marks a row common.</summary>
    public const string CommonProperty = "Common";

    /// <summary>Properties the row occupies besides the keys: what counts toward the table's 252-property limit.</summary>
    public int PropertyCount => Postings.Count + Tombstones + (Common ? 1 : 0);

    /// <summary>Whether lookups must ignore the row: marked common, or more live postings than the cap.</summary>
    public bool IsCommon(int maxPostings) => Common || Postings.Count > maxPostings;

    /// <summary>Reads a row from its properties (posting properties start with <see cref="ShardKeys.PostingPrefix"/>).</summary>
    public static PostingRow Parse(ulong hash, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var common = false;
        var tombstones = 0;
        var postings = new List<StoredPosting>();
        foreach (var (name, value) in properties)
        {
            if (string.Equals(name, CommonProperty, StringComparison.Ordinal))
            {
                common = value is true;
            }
            else if (name.StartsWith(ShardKeys.PostingPrefix, StringComparison.Ordinal) && value is string text)
            {
                if (PostingCodec.TryDecode(text, out var posting))
                {
                    postings.Add(posting);
                }
                else
                {
                    tombstones++;
                }
            }
        }

        return new PostingRow(hash, common, postings, tombstones);
    }
}
