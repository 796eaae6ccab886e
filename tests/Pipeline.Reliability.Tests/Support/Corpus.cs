using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>
/// Deterministic test articles built from the repository's seeds/: filler sentences recombined from three-word fragments of the
/// seed text (so articles rarely share a four-word run by chance) plus planted quotes shared within small stories
/// (so the pipeline has real alignments to find). The same <c>count</c> always yields the same bytes.
/// </summary>
public static partial class Corpus
{
    private static readonly string[] s_outlets = ["aljazeera", "reuters", "apnews", "bbc", "guardian", "nytimes", "dw", "france24"];
    private static readonly Lazy<string[]> s_words = new(LoadSeedWords);

    /// <summary>The seed text's words in order.</summary>
    public static IReadOnlyList<string> SeedWords => s_words.Value;

    /// <summary>
    /// <paramref name="count"/> articles named outlet/prefix-NNNN.txt in stories of <paramref name="storySize"/> consecutive articles:
    /// each story has three planted quotes and each of its articles carries two of them, so articles align within their story only
    /// (as real coverage does) and the alignment graph's components stay story-sized.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Articles(int count, int storySize = 6, string prefix = "story")
    {
        var result = new List<(string, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            var random = new Random(7919 * (i + 1));
            var story = i / storySize;
            var text = new StringBuilder();
            text.Append(Sentence(random, 8).TrimEnd('.')).Append("\n\n");
            var paragraphs = 3 + random.Next(2);
            var skip = i % 3;
            var quotes = Enumerable.Range(0, 3).Where(q => q != skip).Select(q => (story * 3) + q).ToArray();
            for (var p = 0; p < paragraphs; p++)
            {
                text.Append(Sentence(random, 12)).Append(' ').Append(Sentence(random, 9));
                if (p == 1 || p == paragraphs - 1)
                {
                    var quote = quotes[p == 1 ? 0 : 1];
                    text.Append(' ').Append(Quote(quote, Speaker(quote)));
                }

                text.Append("\n\n");
            }

            var outlet = s_outlets[i % s_outlets.Length];
            result.Add(($"{outlet}/{prefix}-{i:D4}.txt", Encoding.UTF8.GetBytes(text.ToString())));
        }

        return result;
    }

    /// <summary>Planted quote <paramref name="index"/>: fifteen recombined words in quotation marks, attributed.</summary>
    public static string Quote(int index, string speaker)
    {
        var random = new Random(104729 + index);
        var words = Fragments(random, 5);
        return $"\"{Capitalize(words)},\" {speaker} said.";
    }

    private static string Speaker(int index) => $"spokesperson {Capitalize(SeedWords[(index * 31) % SeedWords.Count])}";

    private static string Sentence(Random random, int words) => Capitalize(Fragments(random, Math.Max(1, words / 3))) + ".";

    private static string Fragments(Random random, int count)
    {
        var words = SeedWords;
        var parts = new List<string>(count * 3);
        for (var f = 0; f < count; f++)
        {
            var at = random.Next(words.Count - 3);
            parts.AddRange(words.Skip(at).Take(3));
        }

        return string.Join(' ', parts);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string[] LoadSeedWords()
    {
        var folder = Repo.At("seeds");
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No seed articles in {folder}.");
        }

        return files.SelectMany(f => Word().Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant())).ToArray();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)?")]
    private static partial Regex Word();
}
