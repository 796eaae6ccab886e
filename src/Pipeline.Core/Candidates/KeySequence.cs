using Pipeline.Core.Articles;

namespace Pipeline.Core.Candidates;

/// <summary>The tokens of an article that take part in matching (editorial insertions left out), as hashes.</summary>
internal sealed class KeySequence
{
    private KeySequence(Article article, int[] tokenIndex, ulong[] hashes, bool[] content, bool[] capitalized)
    {
        Article = article;
        TokenIndex = tokenIndex;
        Hashes = hashes;
        Content = content;
        Capitalized = capitalized;
    }

    /// <summary>The article the sequence was made from.</summary>
    public Article Article { get; }

    /// <summary>For each matching position, the index of its token in <see cref="Article.Tokens"/>.</summary>
    public int[] TokenIndex { get; }

    /// <summary>Stable hash of each matching key.</summary>
    public ulong[] Hashes { get; }

    /// <summary>Whether each matching key is a content word (not a stopword).</summary>
    public bool[] Content { get; }

    /// <summary>Whether each matching word is capitalized in the original text (names, titles, sentence starts).</summary>
    public bool[] Capitalized { get; }

    /// <summary>For each matching position, the index of the passage it belongs to (the last one starting at or before it).</summary>
    public int[] Passage { get; private init; } = [];

    /// <summary>Number of matching positions.</summary>
    public int Length => Hashes.Length;

    /// <summary>Builds the sequence of non-editorial tokens outside boilerplate passages.</summary>
    public static KeySequence Of(Article article)
    {
        var tokens = article.Tokens;
        var boilerplate = BoilerplateTokens(article);
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsMatching(tokens[i]) && (boilerplate is null || !boilerplate[i]))
            {
                count++;
            }
        }

        var index = new int[count];
        var hashes = new ulong[count];
        var content = new bool[count];
        var capitalized = new bool[count];
        var p = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!IsMatching(token) || (boilerplate is not null && boilerplate[i]))
            {
                continue;
            }

            index[p] = i;
            hashes[p] = StableHash.Of(token.Key);
            content[p] = !Stopwords.Contains(token.Key);
            capitalized[p] = token.Length > 0 && char.IsUpper(article.Original[token.Start]);
            p++;
        }

        var passage = new int[count];
        var passages = article.Passages;
        var current = 0;
        for (var q = 0; q < count; q++)
        {
            while (current + 1 < passages.Count && passages[current + 1].FirstToken <= index[q])
            {
                current++;
            }

            passage[q] = current;
        }

        return new KeySequence(article, index, hashes, content, capitalized) { Passage = passage };
    }

    // Tokens of passages marked as boilerplate, or null when none is (the common case, no allocation).
    private static bool[]? BoilerplateTokens(Article article)
    {
        bool[]? marked = null;
        foreach (var passage in article.Passages)
        {
            if (passage.Boilerplate is not null)
            {
                marked ??= new bool[article.Tokens.Count];
                Array.Fill(marked, true, passage.FirstToken, Math.Min(passage.TokenCount, article.Tokens.Count - passage.FirstToken));
            }
        }

        return marked;
    }

    /// <summary>Whether a token is matched at all (editorial insertions and empty keys are not).</summary>
    public static bool IsMatching(Token token) => (token.Flags & TokenFlags.Editorial) == 0 && token.Key.Length > 0;

    /// <summary>Hash of the shingle of <paramref name="length"/> keys starting at <paramref name="position"/>, or null when it is stopwords only.</summary>
    public ulong? ShingleAt(int position, int length)
    {
        var any = false;
        var hash = StableHash.Seed;
        for (var i = position; i < position + length; i++)
        {
            any |= Content[i];
            hash = StableHash.Append(hash, Hashes[i]);
        }

        return any ? StableHash.Mix(hash) : null;
    }
}
