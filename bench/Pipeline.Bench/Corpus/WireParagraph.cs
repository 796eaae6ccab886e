namespace Pipeline.Bench.Corpus;

/// <summary>One made-up wire-service paragraph carried by many articles: a passage cluster that grows with every upload,
/// the case where keeping clusters costs most.</summary>
internal static class WireParagraph
{
    /// <summary>The paragraph (60 words, no quotes, about nothing in the shared corpus).</summary>
    public const string Text =
        "The regional transport authority said on Tuesday that the new timetable would take effect at the start of next month, " +
        "after a review found that late trains on the northern line had cost commuters an average of eleven minutes a day, " +
        "and that the changes would be funded from a reserve set aside for maintenance of the signalling system.";

    /// <summary>The articles with <see cref="Text"/> inserted as the third line of every <paramref name="every"/>-th one
    /// (the first, then every <paramref name="every"/>-th after it, in the corpus's order); others unchanged.</summary>
    public static IReadOnlyList<RealArticle> InsertEvery(IReadOnlyList<RealArticle> articles, int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        return articles.Select((a, i) => i % every == 0 ? a with { Text = Insert(a.Text) } : a).ToList();
    }

    private static string Insert(string text)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(Math.Min(2, lines.Count), Text);
        return string.Join('\n', lines);
    }
}
