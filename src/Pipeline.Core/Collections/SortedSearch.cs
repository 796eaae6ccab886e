namespace Pipeline.Core.Collections;

/// <summary>Binary search helpers over sorted spans.</summary>
internal static class SortedSearch
{
    /// <summary>The first index whose value is not less than <paramref name="value"/> (the span's length if none).</summary>
    public static int LowerBound<T>(ReadOnlySpan<T> sorted, T value)
        where T : IComparable<T>
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].CompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the last passage starting at or before <paramref name="token"/>, or -1 when none does.</summary>
    public static int PassageAt(IReadOnlyList<Articles.Passage> passages, int token)
    {
        int lo = 0, hi = passages.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (passages[mid].FirstToken <= token)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
