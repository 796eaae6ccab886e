
namespace Pipeline.Functions.Processing;

/// <summary>The states an article's status row goes through.</summary>
internal static class ArticleStatus
{
    /// <summary>Seen, not yet normalized.</summary>
    public const string Pending = "pending";

    /// <summary>Normalized and indexed; alignment pending.</summary>
    public const string Normalized = "normalized";

    /// <summary>Aligned against every candidate (possibly none).</summary>
    public const string Aligned = "aligned";

    /// <summary>Not an article we can read (too large, binary, empty...); never retried.</summary>
    public const string Rejected = "rejected";

    /// <summary>Processing failed every attempt.</summary>
    public const string Failed = "failed";
}
