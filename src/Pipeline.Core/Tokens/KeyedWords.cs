using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Tokens;

/// <summary>
/// Gives words their matching keys and merges phrases: aliases ("Islamic State" → "isis") become one token spanning the
/// phrase, and split compounds ("air space") become one token keyed as the closed compound ("airspace").
/// </summary>
/// <remarks>
/// A pair of words is joined when their concatenation is in <see cref="ReadOptions.Compounds"/>, or when it occurs as a
/// single closed word (not hyphenated) elsewhere in the same text and both halves have at least three letters (so "a
/// way" does not become "away"). Joining only across plain whitespace keeps sentence and quote boundaries intact.
/// </remarks>
internal static class KeyedWords
{
    private const int MinLocalCompoundPart = 3;
    private const int MaxCompoundLength = 64;

    private static readonly ConditionalWeakTable<ReadOptions, Compiled> s_compiled = [];
    private static readonly System.Buffers.SearchValues<char> Hyphens = System.Buffers.SearchValues.Create("-\u2010\u2011\u00AD\uFE63\uFF0D");

    public static List<WordSpan> Build(string text, List<WordSpan> words, ReadOptions options)
    {
        var compiled = s_compiled.GetValue(options, static o => new Compiled(PhraseTable.Compile(o.Aliases), o.Compounds.Select(c => c.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal)));
        var pool = new KeyPool();
        var keyed = new List<WordSpan>(words.Count);
        // Words written closed ("handshake", not "hand-shake"): a pair is joined only towards a closed form. A hyphenated
        // "law-firm" or "smoke-rings" would otherwise turn every "law firm" of the article into "lawfirm", which no
        // other outlet writes, and hide the passages they share.
        var closed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            var key = WordKey.Of(text, w.Start, w.End, pool);
            keyed.Add(w with { Key = key });
            if (text.AsSpan(w.Start, w.End - w.Start).IndexOfAny(Hyphens) < 0)
            {
                closed.Add(key);
            }
        }

        var closedLookup = closed.GetAlternateLookup<ReadOnlySpan<char>>();

        Span<char> joinBuffer = stackalloc char[MaxCompoundLength];

        var result = new List<WordSpan>(keyed.Count);
        var i = 0;
        while (i < keyed.Count)
        {
            var matched = MatchAlias(text, keyed, i, compiled.Aliases);
            if (matched > 0)
            {
                var phrase = keyed[i];
                result.Add(new WordSpan(phrase.Start, keyed[i + matched - 1].End, AliasTarget(text, keyed, i, matched, compiled.Aliases)));
                i += matched;
                continue;
            }

            if (i + 1 < keyed.Count && keyed[i].Key.Length + keyed[i + 1].Key.Length <= MaxCompoundLength
                && OnlyBlankBetween(text, keyed[i].End, keyed[i + 1].Start))
            {
                var a = keyed[i].Key;
                var b = keyed[i + 1].Key;
                var joined = joinBuffer[..(a.Length + b.Length)];
                a.AsSpan().CopyTo(joined);
                b.AsSpan().CopyTo(joined[a.Length..]);
                if (compiled.CompoundLookup.Contains(joined)
                    || (a.Length >= MinLocalCompoundPart && b.Length >= MinLocalCompoundPart && IsLetters(joined) && closedLookup.Contains(joined)))
                {
                    result.Add(new WordSpan(keyed[i].Start, keyed[i + 1].End, pool.Intern(joined)));
                    i += 2;
                    continue;
                }
            }

            result.Add(keyed[i]);
            i++;
        }

        return result;
    }

    private static int MatchAlias(string text, List<WordSpan> words, int i, PhraseTable aliases)
    {
        if (!aliases.TryGet(words[i].Key, out var phrases))
        {
            return 0;
        }

        foreach (var phrase in phrases)
        {
            if (Matches(text, words, i, phrase))
            {
                return phrase.Keys.Length;
            }
        }

        return 0;
    }

    private static string AliasTarget(string text, List<WordSpan> words, int i, int length, PhraseTable aliases)
    {
        aliases.TryGet(words[i].Key, out var phrases);
        return phrases.First(p => p.Keys.Length == length && Matches(text, words, i, p)).Target;
    }

    private static bool Matches(string text, List<WordSpan> words, int i, PhraseTable.Phrase phrase)
    {
        if (i + phrase.Keys.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Keys.Length; k++)
        {
            var w = words[i + k];
            if (!string.Equals(w.Key, phrase.Keys[k], StringComparison.Ordinal))
            {
                return false;
            }

            if (k > 0 && !OnlyBlankBetween(text, words[i + k - 1].End, w.Start))
            {
                return false;
            }
        }

        if (phrase.Exact is not null)
        {
            var w = words[i];
            if (!text.AsSpan(w.Start, w.End - w.Start).SequenceEqual(phrase.Exact))
            {
                return false;
            }

            // In an all-capitals headline "IS" is just "is".
            if ((i > 0 && IsUpperWord(text, words[i - 1])) || (i + 1 < words.Count && IsUpperWord(text, words[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpperWord(string text, WordSpan w)
    {
        var letters = 0;
        for (var i = w.Start; i < w.End; i++)
        {
            if (char.IsLower(text[i]))
            {
                return false;
            }

            if (char.IsLetter(text[i]))
            {
                letters++;
            }
        }

        return letters >= 2;
    }

    private static bool OnlyBlankBetween(string text, int from, int to)
    {
        if (to <= from)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Compiled(PhraseTable Aliases, FrozenSet<string> Compounds)
    {
        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CompoundLookup { get; } = Compounds.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
