using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Support;

/// <summary>Small hand-made articles read by the real <see cref="ArticleReader"/>, paragraphs one per line.</summary>
internal static class RealArticles
{
    public static Article Read(string name, params string[] paragraphs)
    {
        var result = ArticleReader.Read(name, Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs)));
        return result.Article ?? throw new InvalidOperationException($"{name} rejected: {result.Rejection}");
    }

    /// <summary>Sentence-shaped paragraphs of made-up words seeded by <paramref name="topic"/>, so articles about different
    /// topics share no run of words by chance, and the same topic always gives the same text.</summary>
    public static string Story(string topic, int sentences = 4)
    {
        var seed = 17;
        foreach (var c in topic)
        {
            seed = (seed * 31) + c;
        }

        var random = new Random(seed);
        var text = new StringBuilder();
        for (var s = 0; s < sentences; s++)
        {
            var words = 9 + random.Next(6);
            for (var w = 0; w < words; w++)
            {
                var word = Word(random);
                text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                text.Append(w == words - 1 ? ". " : " ");
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Word(Random random)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var length = 2 + random.Next(3);
        var word = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        return word.ToString();
    }
}
