using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Core.Tests.Articles;

public class ArticlePropertyTests(ITestOutputHelper output)
{
    private const int Cases = 300;

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(Cases);

    private static readonly string[] PlainWords =
    [
        "officials", "met", "on", "Tuesday", "to", "discuss", "the", "budget", "for", "talks", "minister", "said", "plan", "would",
        "fail", "government", "army", "forces", "region", "city", "week", "report", "according", "statement", "people", "years",
        "border", "agreement", "after", "before", "during", "against", "with", "their", "new", "former", "president", "council",
        "vote", "members", "police", "local", "reporters", "announced", "spokesman", "country", "security", "military", "weapons",
    ];

    // Tricky pieces (unicode, quotes, abbreviations, hyphen wraps, brackets, boilerplate phrases) spliced into prose.
    private static readonly string[] TrickyPieces =
    [
        "Kirby", "U.S.", "de-conflict", "airspace", "it’s", "it's", "ISIL", "IS", "Daesh", "café", "naïve", "東京", "𝐀𝐁", "ﬁghters",
        "1.5", "1,000", "a.m.", "Rear Adm.", "John F. Kennedy", "Dr.", "\"", "“", "”", "'", "‘", "’", "(", ")", "[", "]", ",", "...",
        "…", ". . .", "—", "–", "--", ":", ";", "\u00A0", "de-\n", "\u200B", "\u0301", "İ", "&amp;", "<", ">", "\r\n", "\t",
    ];

    private static readonly Gen<string> Sentence =
        Gen.Choose(6, 18)
            .SelectMany(n => Gen.Frequency((6, Gen.Elements(PlainWords)), (1, Gen.Elements(TrickyPieces))).ListOf(n))
            .Select(words => string.Join(' ', words))
            .SelectMany(sentence => Gen.Elements(
                sentence + ".",
                "\"" + sentence + ",\" the minister said.",
                "“" + sentence + "?” Kirby asked.",
                sentence + " (Reuters).",
                sentence + "!"));

    private static readonly Gen<string> Paragraph = Gen.Choose(3, 6).SelectMany(n => Sentence.ListOf(n)).Select(sentences => string.Join(' ', sentences));

    /// <summary>
    /// Article-shaped text that the reader accepts: paragraphs of sentences of ordinary words (so it has prose), with tricky pieces
    /// spliced in, some sentences quoted and attributed. <see cref="TextGen.ArticleText"/> alone is mostly rejected (see the counts
    /// each property prints), so without this most cases would stop at "rejected" and check nothing.
    /// </summary>
    private static readonly Gen<string> Prose =
        Gen.Choose(2, 5).SelectMany(n => Paragraph.ListOf(n)).Select(paragraphs => "Officials meet over the budget talks\n\n" + string.Join("\n\n", paragraphs));

    /// <summary>Each case says which generator made it, so acceptance is counted per generator.</summary>
    private static readonly Gen<(string Source, string Text)> Inputs =
        Gen.Frequency(
            (1, TextGen.ArticleText.Select(t => ("pieces", t))),
            (3, Prose.Select(t => ("prose", t))));

    private static Article? Read(string text) => ArticleReader.Read("p.txt", Encoding.UTF8.GetBytes(text)).Article;

    /// <summary>
    /// Checks <paramref name="property"/> on every accepted article; rejected input passes trivially, so the run counts how many cases
    /// were accepted per generator, prints it, and fails unless most cases (and nearly all prose cases) really reached the property.
    /// </summary>
    private void CheckAccepted(Func<Article, bool> property)
    {
        var counts = new Dictionary<(string Source, bool Accepted), int>();
        Check.One(Quick, Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var article = Read(input.Text);
            var key = (input.Source, article is not null);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            return article is null || property(article);
        }));

        int Count(string source, bool accepted) => counts.GetValueOrDefault((source, accepted));
        var accepted = Count("pieces", true) + Count("prose", true);
        var total = counts.Values.Sum();
        output.WriteLine(
            $"{accepted} of {total} cases accepted and checked; pieces generator: {Count("pieces", true)} accepted, {Count("pieces", false)} rejected; " +
            $"prose generator: {Count("prose", true)} accepted, {Count("prose", false)} rejected");
        Assert.True(total >= Cases, $"only {total} cases ran");
        Assert.True(Count("prose", true) >= 0.9 * (Count("prose", true) + Count("prose", false)), "the prose generator's articles are mostly rejected");
        Assert.True(accepted >= total / 2, $"only {accepted} of {total} cases reached the property");
    }

    [Fact]
    public void Read_ArbitraryBytes_NeverThrowsAndReturnsExactlyOneOutcome()
    {
        Check.One(Quick, Prop.ForAll(TextGen.AnyBytes.ToArbitrary(), bytes =>
        {
            var result = ArticleReader.Read("x.bin", bytes);
            return (result.Article is null) != (result.Rejection is null)
                && (result.Rejection is null || result.Rejection.Code is "empty" or "binary" or "undecodable" or "no-prose" or "too-large");
        }));
    }

    [Fact]
    public void Read_RandomText_EveryTokenRenormalizesToItsKey()
    {
        CheckAccepted(article =>
        {
            foreach (var token in article.Tokens)
            {
                var slice = article.Original[token.Start..token.End];
                var renormalized = MatchingText.Normalize(slice);

                // Known context-dependent keys: a pair joined because its concatenation occurs elsewhere in the article,
                // and "IS", which is the alias only when its neighbours are not capitals too.
                var joined = renormalized.Replace(" ", string.Empty, StringComparison.Ordinal) == token.Key;
                var capitalIs = slice == "IS" && token.Key is "is" or "isis";
                if (renormalized != token.Key && !joined && !capitalIs)
                {
                    throw new InvalidOperationException($"token \"{slice}\" has key \"{token.Key}\" but renormalizes to \"{renormalized}\"");
                }
            }

            return true;
        });
    }

    [Fact]
    public void Read_RandomText_PassagesAndTokensLieWithinOriginalInOrder()
    {
        CheckAccepted(article =>
        {
            var previousStart = -1;
            foreach (var p in article.Passages)
            {
                if (p.Start < 0 || p.End > article.Original.Length || p.Start >= p.End || p.Start < previousStart)
                {
                    return false;
                }

                if (p.FirstToken < 0 || p.TokenCount <= 0 || p.FirstToken + p.TokenCount > article.Tokens.Count)
                {
                    return false;
                }

                for (var t = p.FirstToken; t < p.FirstToken + p.TokenCount; t++)
                {
                    if (article.Tokens[t].Start < p.Start || article.Tokens[t].End > p.End)
                    {
                        return false;
                    }
                }

                previousStart = p.Start;
            }

            var previousEnd = 0;
            foreach (var t in article.Tokens)
            {
                if (t.Start < previousEnd || t.Length <= 0 || t.End > article.Original.Length || t.Key.Length == 0)
                {
                    return false;
                }

                previousEnd = t.End;
            }

            return true;
        });
    }

    [Fact]
    public void Read_RandomText_OffsetMapSendsEveryCharacterToAnEqualOrCollapsedOne()
    {
        CheckAccepted(article =>
        {
            for (var i = 0; i < article.Text.Length; i++)
            {
                var o = article.TextMap.ToOriginal(i);
                if (o < 0 || o >= article.Original.Length)
                {
                    return false;
                }

                var c = article.Text[i];
                var original = article.Original[o];
                var collapsed = c is ' ' or '\n' && (char.IsWhiteSpace(original) || original is '\u200B' or '\uFEFF' or '\u200C' or '\u200D' or '\u2060');
                if (c != original && !collapsed)
                {
                    throw new InvalidOperationException($"text[{i}] '{c}' maps to original[{o}] '{original}'");
                }
            }

            return true;
        });
    }

    [Fact]
    public void Read_RandomText_TextMapRunsAreOrderedAndCoverText()
    {
        CheckAccepted(article =>
        {
            var expected = 0;
            foreach (var run in article.TextMap.Runs)
            {
                if (run.From != expected || run.Length <= 0)
                {
                    return false;
                }

                expected += run.Length;
            }

            return expected == article.Text.Length;
        });
    }

    [Fact]
    public void Normalize_ArbitraryCharacters_NeverThrowsAndIsIdempotent()
    {
        Check.One(Quick, Prop.ForAll(TextGen.AnyChars.ToArbitrary(), text =>
        {
            var once = MatchingText.Normalize(text);
            var keys = once.Split(' ');
            if (once.Length > 0 && keys.Any(k => k.Length == 0 || k.Any(char.IsWhiteSpace)))
            {
                return false;
            }

            // Keys that start like a word ("ͅ" from NFKC of U+037A does not) read back as themselves.
            var wordLike = keys.All(k => k.Length > 0 && char.IsLetterOrDigit(k, 0));
            return !wordLike || MatchingText.Normalize(once) == once;
        }));
    }
}
