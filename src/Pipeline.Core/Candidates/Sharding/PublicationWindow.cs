namespace Pipeline.Core.Candidates.Sharding;

/// <summary>Aligns only articles published within <paramref name="Days"/> days of each other (<c>Pipeline__WindowDays</c>).</summary>
/// <param name="Days">Largest allowed difference in publication day; null means unlimited (the default).</param>
public sealed record PublicationWindow(int? Days)
{
    /// <summary>No time limit.</summary>
    public static PublicationWindow Unlimited { get; } = new((int?)null);

    /// <summary>Whether two publication days are close enough.</summary>
    public bool Admits(int queryDay, int storedDay) => Days is not { } days || Math.Abs((long)queryDay - storedDay) <= days;

    /// <summary>Whether two articles' dates are close enough, compared as UTC days like the index's postings, so the
    /// index and the aligner keep the same pairs.</summary>
    /// <returns>True when either date is unknown: an article nobody can date is never kept apart.</returns>
    public bool Admits(DateTimeOffset? first, DateTimeOffset? second) =>
        first is not { } a || second is not { } b || Admits(PublicationDay.Of(a), PublicationDay.Of(b));
}
