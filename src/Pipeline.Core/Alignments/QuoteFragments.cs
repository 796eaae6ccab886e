using System.Collections.Frozen;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Alignments;

/// <summary>Short quoted fragments two articles share ("out of question for Iran"), too short for passage alignment.</summary>
/// <remarks>
/// Passage alignment needs eight matched words, so that stock phrases never align. A fragment of at least
/// <see cref="AlignmentOptions.MinQuoteTokens"/> words is safe to align when both articles put it in someone's mouth:
/// inside quotation marks on both sides, or under the same speaker on both. Passages are compared pairwise (only those
/// sharing two content words are diffed), so a fragment is found even when it shares no three-word seed ("not something
/// that we're coordinating" / "not something we're coordinating"). Stock phrases stay out because a fragment still needs
/// content words (weight 1.5, as the passage rule weighs them: "in the region that" is 1), which attribution
/// vocabulary ("said in a statement", "according to") is not.
/// </remarks>
internal static class QuoteFragments
{
    private const int MaxPassageTokens = 150;
    private const double MinContentWeight = 1.5;

    // A fragment must be a good part of what one side quotes: a third of it at least. A name or title inside two long
    // quotes ("the UN Security Council resolutions") is a turn of phrase both speakers used, and chained through
    // every story that mentions it, it would make one cluster of unrelated quotes.
    private const int MaxQuoteShare = 3;

    private static readonly FrozenSet<string> Everyday = new[]
    {
        "time", "times", "first", "last", "next", "year", "years", "day", "days", "week", "weeks", "month", "months",
        "people", "way", "ways", "thing", "things", "world", "life", "work", "part", "place", "number", "case", "point",
        "fact", "end", "lot", "kind", "new", "old", "good", "great", "big", "long", "little", "own", "same", "right",
        "many", "really", "going", "make", "made", "know", "think", "want", "get", "got", "see", "come", "take", "go",
        "look", "need", "feel", "give", "find", "back", "sure", "one", "two", "three", "something", "everything",
        "anything", "nothing", "everyone", "someone", "today", "now", "important", "happy", "proud", "able",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Add(KeySequence source, KeySequence target, AlignmentOptions options, List<SharedSpan> kept)
    {
        var sourceQuotes = Quotes(source);
        var targetQuotes = Quotes(target);
        if (sourceQuotes.Count == 0 || targetQuotes.Count == 0)
        {
            return;
        }

        var fragmentOptions = options with { MinMatchedTokens = options.MinQuoteTokens, MinContentWeight = MinContentWeight };
        var found = new List<SharedSpan>();
        foreach (var a in sourceQuotes)
        {
            foreach (var b in targetQuotes)
            {
                if (!Attributable(a.Passage, b.Passage) || !ShareContent(a, b, 2))
                {
                    continue;
                }

                var steps = RegionDiff.Diff(source, target, new Region(a.Start, a.End, b.Start, b.End));
                var pieces = new List<SharedSpan>();
                SharedSpans.Collect(steps, source, target, fragmentOptions, pieces);
                var sameSpeaker = a.Passage.SpeakerKey is { } speaker && string.Equals(speaker, b.Passage.SpeakerKey, StringComparison.Ordinal);
                if (a.Passage.SpeakerKey is not null && b.Passage.SpeakerKey is not null && !sameSpeaker)
                {
                    // Words two different people are quoted as saying are a turn of phrase, not one quote.
                    continue;
                }

                foreach (var piece in pieces)
                {
                    // Someone's words: quoted on both sides, or quoted on one and said by the same person on both. The
                    // attribution itself ("Secretary of State John Kerry said") is unquoted on both, and never aligns.
                    var sourceQuoted = MostlyQuoted(source.Article, piece.SourceTokens);
                    var targetQuoted = MostlyQuoted(target.Article, piece.TargetTokens);
                    if (((sourceQuoted && targetQuoted) || (sameSpeaker && (sourceQuoted || targetQuoted)))
                        && Distinctive(source, target, piece)
                        && piece.Matched * MaxQuoteShare >= Math.Min(a.End - a.Start, b.End - b.Start))
                    {
                        found.Add(piece);
                    }
                }
            }
        }

        found.Sort(static (x, y) => y.Matched != x.Matched ? y.Matched.CompareTo(x.Matched) : y.Score.CompareTo(x.Score));
        foreach (var span in found)
        {
            if (!kept.Exists(other => (span.SourceFirst <= other.SourceLast && other.SourceFirst <= span.SourceLast)
                || (span.TargetFirst <= other.TargetLast && other.TargetFirst <= span.TargetLast)))
            {
                kept.Add(span);
            }
        }
    }

    // Quoted on both sides, or the same speaker on both.
    private static bool Attributable(Passage a, Passage b) =>
        (a.Kind == PassageKind.Quote && b.Kind == PassageKind.Quote)
        || (a.SpeakerKey is { } speaker && string.Equals(speaker, b.SpeakerKey, StringComparison.Ordinal));

    // Everyday content words ("this is the first time") count half, as names do: a short fragment must say something.
    private static bool Distinctive(KeySequence source, KeySequence target, SharedSpan piece)
    {
        double weight = 0;
        for (var m = 0; m < piece.Matched; m++)
        {
            var i = Collections.SortedSearch.LowerBound<int>(source.TokenIndex, piece.SourceTokens[m]);
            var j = Collections.SortedSearch.LowerBound<int>(target.TokenIndex, piece.TargetTokens[m]);
            if (!source.Content[i])
            {
                continue;
            }

            weight += (source.Capitalized[i] && target.Capitalized[j]) || Everyday.Contains(source.Article.Tokens[piece.SourceTokens[m]].Key) ? 0.5 : 1;
        }

        return weight >= MinContentWeight;
    }

    private static bool MostlyQuoted(Article article, int[] tokens)
    {
        var quoted = 0;
        foreach (var t in tokens)
        {
            quoted += (article.Tokens[t].Flags & TokenFlags.Quoted) != 0 ? 1 : 0;
        }

        return quoted * 2 > tokens.Length;
    }

    private static bool ShareContent(Range a, Range b, int atLeast)
    {
        var shared = 0;
        foreach (var hash in a.Content)
        {
            if (b.Content.Contains(hash) && ++shared >= atLeast)
            {
                return true;
            }
        }

        return false;
    }

    // Each passage that is a quotation or has a speaker, as a range of matching positions with its content words.
    private static List<Range> Quotes(KeySequence keys)
    {
        var ranges = new List<Range>();
        var passages = keys.Article.Passages;
        var p = 0;
        while (p < keys.Length)
        {
            var index = keys.Passage[p];
            var start = p;
            while (p < keys.Length && keys.Passage[p] == index)
            {
                p++;
            }

            var passage = passages[index];
            if ((passage.Kind != PassageKind.Quote && passage.Speaker is null) || p - start < 4 || p - start > MaxPassageTokens)
            {
                continue;
            }

            var content = new HashSet<ulong>();
            for (var q = start; q < p; q++)
            {
                if (keys.Content[q])
                {
                    content.Add(keys.Hashes[q]);
                }
            }

            ranges.Add(new Range(passage, start, p, content));
        }

        return ranges;
    }

    private sealed record Range(Passage Passage, int Start, int End, HashSet<ulong> Content);
}
