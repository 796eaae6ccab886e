using System.Globalization;
using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Support;

/// <summary>A tiny stand-in reader for engine tests: words, quotes, editorial brackets and sentences, nothing more.</summary>
/// <remarks>
/// Quotation marks toggle <see cref="TokenFlags.Quoted"/>; "[...]" anywhere and "(...)" inside a quote are editorial.
/// Sentences end at . ! ? or a line break; a sentence that is mostly quoted is a Quote passage with the given speaker.
/// </remarks>
internal static class TestArticles
{
    public static Article From(string name, string text, string? speaker = null)
    {
        var tokens = new List<Token>();
        var quoted = false;
        var square = 0;
        var round = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || ((text[i] is '\'' or '\u2019' or '-' or '.') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                {
                    i++;
                }

                var word = text[start..i];
                var key = word.ToLower(CultureInfo.InvariantCulture).Replace('\u2019', '\'').Replace(".", string.Empty, StringComparison.Ordinal);
                var flags = TokenFlags.None;
                if (square > 0 || (round > 0 && quoted))
                {
                    flags |= TokenFlags.Editorial;
                }

                if (quoted)
                {
                    flags |= TokenFlags.Quoted;
                }

                tokens.Add(new Token(start, i - start, key, flags));
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\u201C':
                    quoted = true;
                    break;
                case '\u201D':
                    quoted = false;
                    break;
                case '[':
                    square++;
                    break;
                case ']':
                    square = Math.Max(0, square - 1);
                    break;
                case '(':
                    round++;
                    break;
                case ')':
                    round = Math.Max(0, round - 1);
                    break;
                default:
                    break;
            }

            i++;
        }

        return new Article(name, text, text, new OffsetMap([new OffsetRun(0, 0, text.Length)]), null, tokens, Passages(text, tokens, speaker));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static List<Passage> Passages(string text, List<Token> tokens, string? speaker)
    {
        var passages = new List<Passage>();
        var first = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var end = tokens[t].End;
            var next = t + 1 < tokens.Count ? tokens[t + 1].Start : text.Length;
            var gap = text.AsSpan(end, next - end);
            if (t == tokens.Count - 1 || gap.IndexOfAny(".!?\n") >= 0)
            {
                var quoted = 0;
                for (var x = first; x <= t; x++)
                {
                    if ((tokens[x].Flags & TokenFlags.Quoted) != 0)
                    {
                        quoted++;
                    }
                }

                var isQuote = quoted * 2 > t - first + 1;
                passages.Add(new Passage(passages.Count, tokens[first].Start, end, isQuote ? PassageKind.Quote : PassageKind.Text, isQuote ? speaker : null, first, t - first + 1));
                first = t + 1;
            }
        }

        return passages;
    }

    /// <summary>Reads a seed file from the repository's seeds/ folder.</summary>
    public static string Seed(string prefix)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory + "; run the tests from the repository.");
        }

        var file = Directory.GetFiles(Path.Combine(dir.FullName, "seeds"), prefix + "_*.txt").Single();
        return Encoding.UTF8.GetString(File.ReadAllBytes(file));
    }
}
