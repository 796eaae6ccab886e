using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Index.Tests;

/// <summary>Articles for the tests: random content words (so shingles are unique) plus chosen shared passages.</summary>
internal static class Texts
{
    public static readonly DateTimeOffset Published = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => "w" + random.Next(10_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static IReadOnlyList<Shingle> Shingles(string name, string text)
    {
        var result = ArticleReader.Read(name, Encoding.UTF8.GetBytes(text));
        var article = result.Article ?? throw new InvalidOperationException($"{name} rejected: {result.Rejection}");
        return Fingerprint.Of(article, ShardingOptions.Fingerprint);
    }

    /// <summary>An article of random words with <paramref name="passage"/> inserted after <paramref name="before"/> words.</summary>
    public static IReadOnlyList<Shingle> With(Random random, string name, string passage, int before = 40, int after = 200) =>
        Shingles(name, Words(random, before) + " " + passage + ". " + Words(random, after) + ".");
}
