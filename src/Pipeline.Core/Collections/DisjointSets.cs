namespace Pipeline.Core.Collections;

/// <summary>Union-find over the indexes 0..n-1, kept as a parent array so callers can pool or size it themselves.</summary>
/// <remarks>The smaller root always wins, so the representative of a set is its smallest index: callers rely on that
/// for deterministic grouping order.</remarks>
internal static class DisjointSets
{
    /// <summary>Makes a parent array in which every index is its own set.</summary>
    public static int[] Create(int count)
    {
        var parent = new int[count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        return parent;
    }

    /// <summary>The representative of <paramref name="x"/>'s set, halving paths on the way.</summary>
    public static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static void Union(int[] parent, int x, int y)
    {
        var rx = Find(parent, x);
        var ry = Find(parent, y);
        if (rx != ry)
        {
            parent[Math.Max(rx, ry)] = Math.Min(rx, ry);
        }
    }
}
