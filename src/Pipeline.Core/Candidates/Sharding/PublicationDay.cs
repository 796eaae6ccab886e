namespace Pipeline.Core.Candidates.Sharding;

/// <summary>Publication times as whole UTC days since 1970-01-01: what a posting stores for the time window.</summary>
public static class PublicationDay
{
    /// <summary>The UTC day number of an instant.</summary>
    public static int Of(DateTimeOffset published) => (int)Math.Floor((published.UtcDateTime - DateTime.UnixEpoch).TotalDays);
}
