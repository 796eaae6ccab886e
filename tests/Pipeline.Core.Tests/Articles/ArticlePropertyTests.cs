using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class ArticlePropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Article? Read(string text) => ArticleReader.Read("p.txt", Encoding.UTF8.GetBytes(text)).Article;

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
        Check.One(Quick, Prop.ForAll(TextGen.ArticleText.ToArbitrary(), text =>
        {
            var article = Read(text);
            if (article is null)
            {
                return true;
            }

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
        }));
    }

    [Fact]
    public void Read_RandomText_PassagesAndTokensLieWithinOriginalInOrder()
    {
        Check.One(Quick, Prop.ForAll(TextGen.ArticleText.ToArbitrary(), text =>
        {
            var article = Read(text);
            if (article is null)
            {
                return true;
            }

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
        }));
    }

    [Fact]
    public void Read_RandomText_OffsetMapSendsEveryCharacterToAnEqualOrCollapsedOne()
    {
        Check.One(Quick, Prop.ForAll(TextGen.ArticleText.ToArbitrary(), text =>
        {
            var article = Read(text);
            if (article is null)
            {
                return true;
            }

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
        }));
    }

    [Fact]
    public void Read_RandomText_TextMapRunsAreOrderedAndCoverText()
    {
        Check.One(Quick, Prop.ForAll(TextGen.ArticleText.ToArbitrary(), text =>
        {
            var article = Read(text);
            if (article is null)
            {
                return true;
            }

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
        }));
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
