using System.Text;

namespace Pipeline.Bench.Corpus;

/// <summary>
/// Builds corpora of any size, deterministically, from real text with planted shared passages.
/// </summary>
/// <remarks>
/// Stored article i belongs to story i / 4 and is a pure function of (seed, i): a corpus of 1,000 is the prefix
/// of a corpus of 100,000, and any article can be regenerated on demand instead of kept in memory.
/// Each story plants one to three passages (real sentences while the stock lasts, then chain-written ones), each
/// into two to four of its articles with outlet edits. New articles ("queries") join a story among the first
/// <see cref="QueryStories"/> stories and carry all of its passages, so every corpus size is asked the same
/// questions with the same ground truth and only the number of distractors changes.
/// </remarks>
internal sealed class CorpusGenerator
{
    public const int StorySize = 4;
    private const ulong StoredStream = 1;
    private const ulong QueryStream = 2;
    private const ulong StoryStream = 3;
    private const int MaxPassagesPerStory = 3;

    private readonly WordChain _chain;
    private readonly IReadOnlyList<string> _quotable;
    private readonly int[] _permutation;

    public CorpusGenerator(SentencePool pool, ulong seed, int queryStories = 250)
    {
        Seed = seed;
        QueryStories = queryStories;
        _chain = WordChain.Train(pool.Sentences);
        _quotable = pool.Quotable;
        _permutation = Enumerable.Range(0, _quotable.Count).ToArray();
        var rng = new Prng(seed);
        for (var i = _permutation.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (_permutation[i], _permutation[j]) = (_permutation[j], _permutation[i]);
        }
    }

    public ulong Seed { get; }

    /// <summary>Queries join one of the first this-many stories, i.e. articles [0, 4 × QueryStories).</summary>
    public int QueryStories { get; }

    public WordChain Chain => _chain;

    /// <summary>Stored article <paramref name="index"/>.</summary>
    public GeneratedArticle Stored(int index)
    {
        var story = index / StorySize;
        var slot = index % StorySize;
        var passages = StoryPassages(story)
            .Where(p => (p.Members & (1 << slot)) != 0)
            .Select(p => p.Id)
            .ToList();
        var rng = Prng.For(Seed, StoredStream, (ulong)index);
        var outlet = $"outlet{(story * 7 + slot * 13) % 89:D2}.example";
        return Render($"{outlet}/story_{story:D6}--{index:D7}.txt", passages, ref rng);
    }

    /// <summary>New article <paramref name="query"/>: a late report on a story with all of that story's passages.</summary>
    public GeneratedArticle Query(int query)
    {
        var rng = Prng.For(Seed, QueryStream, (ulong)query);
        var story = rng.Next(QueryStories);
        var passages = StoryPassages(story).Select(p => p.Id).ToList();
        return Render($"late{query:D4}.example/story_{story:D6}--q{query:D4}.txt", passages, ref rng);
    }

    /// <summary>What the aligner must find for <paramref name="query"/> in a corpus of <paramref name="corpusSize"/> articles.</summary>
    public IReadOnlyList<ExpectedMatch> Expected(int query, GeneratedArticle queryArticle, int corpusSize)
    {
        var rng = Prng.For(Seed, QueryStream, (ulong)query);
        var story = rng.Next(QueryStories);
        var expected = new List<ExpectedMatch>();
        for (var slot = 0; slot < StorySize; slot++)
        {
            var index = story * StorySize + slot;
            if (index >= corpusSize)
            {
                break;
            }

            var stored = Stored(index);
            foreach (var copy in stored.Planted)
            {
                var inQuery = queryArticle.Planted.First(p => p.PassageId == copy.PassageId);
                expected.Add(new ExpectedMatch(index, copy.PassageId, inQuery, copy));
            }
        }

        return expected;
    }

    /// <summary>The stored index encoded in a generated stored article's name, or null for any other name.</summary>
    public static int? StoredIndexOf(string name)
    {
        var at = name.LastIndexOf("--", StringComparison.Ordinal);
        return at >= 0 && name.EndsWith(".txt", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(at + 2, name.Length - at - 6), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    /// <summary>The story of a query, without rendering it.</summary>
    public int QueryStory(int query)
    {
        var rng = Prng.For(Seed, QueryStream, (ulong)query);
        return rng.Next(QueryStories);
    }

    private List<(long Id, int Members)> StoryPassages(int story)
    {
        var rng = Prng.For(Seed, StoryStream, (ulong)story);
        var roll = rng.NextDouble();
        var count = roll < 0.4 ? 1 : roll < 0.8 ? 2 : 3;
        var passages = new List<(long, int)>(count);
        for (var p = 0; p < count; p++)
        {
            var members = 0;
            while (System.Numerics.BitOperations.PopCount((uint)members) < 2)
            {
                members = rng.Next(1, 1 << StorySize);
            }

            passages.Add(((long)story * MaxPassagesPerStory + p, members));
        }

        return passages;
    }

    /// <summary>The unedited text of a planted passage.</summary>
    public string PassageText(long id)
    {
        if (id < _quotable.Count)
        {
            return _quotable[_permutation[id]];
        }

        // The real stock is used up (large corpora): write a long chain sentence instead; at 25+ words it is
        // unique with overwhelming probability, which is what a distinct quote needs to be.
        var rng = Prng.For(Seed, StoryStream + 100, (ulong)id);
        return _chain.Sentence(ref rng, 25, 40);
    }

    private static readonly string[] Speakers =
        ["a senior official told reporters", "the spokesman said", "she said", "he told the newspaper",
         "a statement said", "officials said", "the minister said", "according to the report"];

    private GeneratedArticle Render(string name, IReadOnlyList<long> passageIds, ref Prng rng)
    {
        var curly = rng.Chance(0.5);
        var sentenceCount = rng.Next(12, 36);
        var slots = new int[passageIds.Count];
        for (var p = 0; p < slots.Length; p++)
        {
            slots[p] = rng.Next(1, sentenceCount);
        }

        var text = new StringBuilder(sentenceCount * 140);
        var planted = new List<PlantedCopy>();
        text.Append(Capitalize(_chain.Phrase(ref rng, rng.Next(6, 12)))).Append("\n\n");

        var inParagraph = 0;
        for (var s = 0; s < sentenceCount; s++)
        {
            for (var p = 0; p < passageIds.Count; p++)
            {
                if (slots[p] != s)
                {
                    continue;
                }

                if (inParagraph > 0)
                {
                    text.Append("\n\n");
                    inParagraph = 0;
                }

                var (edited, edits) = OutletEdits.Apply(PassageText(passageIds[p]), _chain, ref rng);
                if (curly)
                {
                    edited = edited.Replace('\'', '’');
                    edits |= OutletEdit.CurlyQuotes;
                }

                var (open, close) = curly ? ("“", "”") : ("\"", "\"");
                var style = rng.Next(3);
                if (style == 0)
                {
                    // Wire paragraph, copied without quotation marks.
                    planted.Add(new PlantedCopy(passageIds[p], text.Length, text.Length + edited.Length, edits));
                    text.Append(edited);
                }
                else if (style == 1)
                {
                    text.Append(open);
                    planted.Add(new PlantedCopy(passageIds[p], text.Length, text.Length + edited.Length, edits));
                    text.Append(edited).Append(close).Append(' ').Append(Capitalize(rng.Pick(Speakers))).Append('.');
                }
                else
                {
                    text.Append(Capitalize(rng.Pick(Speakers))).Append(": ").Append(open);
                    planted.Add(new PlantedCopy(passageIds[p], text.Length, text.Length + edited.Length, edits));
                    text.Append(edited).Append(close);
                }

                text.Append("\n\n");
            }

            var sentence = _chain.Sentence(ref rng);
            if (curly)
            {
                sentence = sentence.Replace('\'', '’');
            }

            if (inParagraph > 0)
            {
                text.Append(' ');
            }

            text.Append(sentence);
            inParagraph++;
            if (inParagraph >= 1 + rng.Next(3))
            {
                text.Append("\n\n");
                inParagraph = 0;
            }
        }

        return new GeneratedArticle(name, text.ToString().TrimEnd() + "\n", planted);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
