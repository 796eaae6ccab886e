namespace Pipeline.Core.Segmentation;

/// <summary>
/// Reads speech attributions around quotes: "Kirby said", "said Pentagon spokesman Rear Adm. John F. Kirby",
/// "Kerry told a news conference", "Iraq's prime minister, Haider al-Abadi, said", "he said".
/// </summary>
/// <remarks>
/// Works on words (runs of non-blank characters) and capitalisation only; a name is a run of capitalised words (with
/// "of" inside, and particles such as "al-" or "bin"), the speaker is written as it appears in the text.
/// </remarks>
internal static class AttributionFinder
{
    private const int AfterQuoteMaxWords = 14;
    private const int BeforeQuoteMaxWords = 40;

    private static readonly HashSet<string> s_verbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "added", "adds", "told", "tells", "tell", "stated", "explained", "explains", "noted",
        "notes", "warned", "warns", "wrote", "writes", "asked", "asks", "replied", "replies", "continued", "insisted",
        "insists", "argued", "argues", "declared", "declares", "announced", "acknowledged", "acknowledges", "cautioned",
        "stressed", "emphasized", "emphasised", "claimed", "claims", "admitted", "conceded", "recalled", "tweeted",
        "suggested", "concluded", "responded", "remarked", "observed", "commented", "confirmed", "denied", "predicted",
        "urged", "vowed", "promised", "according",
    };

    private static readonly HashSet<string> s_pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she" };

    private static readonly HashSet<string> s_notNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "But", "And", "Or", "So", "Yet", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At",
        "For", "From", "To", "By", "With", "As", "This", "That", "These", "Those", "Meanwhile", "However", "Also", "Still",
        "Then", "When", "While", "After", "Before", "Speaking", "According", "Earlier", "Later", "Last", "If", "Asked",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Today", "Yesterday",
    };

    private static readonly HashSet<string> s_prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "at", "of", "from", "to", "during", "for", "by", "with", "since", "until", "after", "before", "about",
        "into", "than", "over", "under", "across", "near", "against", "within", "without", "toward", "towards", "through",
    };

    private static readonly string[] s_particles = ["al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "der", "del", "den", "ben", "abu", "bint", "la", "le"];

    /// <summary>An attribution at the start of the narrative that follows a quote ("," Kirby said.").</summary>
    public static Attribution AfterQuote(string text, int start, int end)
    {
        var words = Words(text, start, end, AfterQuoteMaxWords, stopAtSentenceEnd: true);
        for (var k = 0; k < words.Count; k++)
        {
            if (IsVerb(text, words[k]))
            {
                return k == 0 ? NameAfterVerb(text, words, k) : NameBeforeVerb(text, words, k);
            }
        }

        return Attribution.None;
    }

    /// <summary>An attribution in the narrative that leads into a quote ("Kerry said:", "told The Times,").</summary>
    public static Attribution BeforeQuote(string text, int start, int end)
    {
        var words = Words(text, start, end, int.MaxValue, stopAtSentenceEnd: false);
        if (words.Count > BeforeQuoteMaxWords)
        {
            words.RemoveRange(0, words.Count - BeforeQuoteMaxWords);
        }

        for (var k = words.Count - 1; k >= 0; k--)
        {
            if (IsVerb(text, words[k]))
            {
                return k == 0 ? NameAfterVerb(text, words, k) : NameBeforeVerb(text, words, k);
            }
        }

        return Attribution.None;
    }

    /// <summary>Any attribution in a narrative sentence ("..., Kirby said."), used to resolve a later "he said".</summary>
    public static Attribution Anywhere(string text, int start, int end)
    {
        var words = Words(text, start, end, int.MaxValue, stopAtSentenceEnd: false);
        for (var k = words.Count - 1; k >= 0; k--)
        {
            if (IsVerb(text, words[k]))
            {
                var found = k == 0 ? NameAfterVerb(text, words, k) : NameBeforeVerb(text, words, k);
                if (found.Kind == AttributionKind.Named)
                {
                    return found;
                }

                // Inverted attribution (", said Kerry") only: elsewhere the words after "said" are what was said.
                if (k + 1 < words.Count && (k == 0 || EndsWithComma(text, words[k - 1])))
                {
                    var after = NameAfterVerb(text, words, k);
                    if (after.Kind == AttributionKind.Named)
                    {
                        return after;
                    }
                }
            }
        }

        return Attribution.None;
    }

    private static bool IsVerb(string text, (int Start, int End) word)
    {
        var bare = Bare(text, word);

        // Capitalised "Said" may be a name; "According to" may start a sentence.
        return bare.Length > 0 && (char.IsLower(bare[0]) ? s_verbs.Contains(bare) : bare == "According");
    }

    private static Attribution NameAfterVerb(string text, List<(int Start, int End)> words, int verb)
    {
        var i = verb + 1;
        if (Bare(text, words[verb]) is "according" or "According" && i < words.Count && Bare(text, words[i]) == "to")
        {
            i++;
        }

        if (i < words.Count && s_pronouns.Contains(Bare(text, words[i])))
        {
            return new Attribution(AttributionKind.Pronoun, null);
        }

        // The last name run before a comma or the sentence end that is not the object of a preposition.
        var first = i;
        string? best = null;
        while (i < words.Count)
        {
            if (!IsNameWord(text, words[i]))
            {
                if (EndsClause(text, words[i]))
                {
                    break;
                }

                i++;
                continue;
            }

            var runStart = i;
            while (i < words.Count && IsNameWord(text, words[i]) && (i == runStart || !EndsClause(text, words[i - 1])))
            {
                i++;
            }

            var runEnd = i;
            var prepositional = runStart > first && s_prepositions.Contains(Bare(text, words[runStart - 1]));
            var name = RunText(text, words, runStart, runEnd);
            if (!prepositional && name is not null)
            {
                best = name;
            }

            if (EndsClause(text, words[runEnd - 1]))
            {
                break;
            }
        }

        return best is null ? new Attribution(AttributionKind.Unnamed, null) : new Attribution(AttributionKind.Named, best);
    }

    private static Attribution NameBeforeVerb(string text, List<(int Start, int End)> words, int verb)
    {
        var j = verb - 1;
        var bare = Bare(text, words[j]);
        if (s_pronouns.Contains(bare))
        {
            return new Attribution(AttributionKind.Pronoun, null);
        }

        if (EndsSentence(text, words[j]) || (!IsNameWord(text, words[j]) && !EndsWithComma(text, words[j])))
        {
            return new Attribution(AttributionKind.Unnamed, null);
        }

        var runStart = IsNameWord(text, words[j]) ? RunStartEndingAt(text, words, j) : j;
        var name = IsNameWord(text, words[j]) ? RunText(text, words, runStart, j + 1) : null;
        var appositive = EndsWithComma(text, words[j]) && runStart > 0 && !EndsWithComma(text, words[runStart - 1]);
        if (appositive || name is null)
        {
            // "Ali Khedery, a former American official in Iraq, told": the name is before the appositive.
            for (var q = runStart - 1; q >= 0; q--)
            {
                if (EndsSentence(text, words[q]))
                {
                    break;
                }

                if (EndsWithComma(text, words[q]))
                {
                    if (IsNameWord(text, words[q]))
                    {
                        var s = RunStartEndingAt(text, words, q);
                        var earlier = RunText(text, words, s, q + 1);
                        if (earlier is not null)
                        {
                            return new Attribution(AttributionKind.Named, earlier);
                        }
                    }

                    break;
                }
            }
        }

        return name is null ? new Attribution(AttributionKind.Unnamed, null) : new Attribution(AttributionKind.Named, name);
    }

    private static int RunStartEndingAt(string text, List<(int Start, int End)> words, int last)
    {
        var m = last;
        while (m > 0)
        {
            var previous = words[m - 1];
            if (EndsWithComma(text, previous) || EndsSentence(text, previous))
            {
                break;
            }

            if (IsNameWord(text, previous))
            {
                m--;
                continue;
            }

            // "Secretary of State John Kerry": "of" between two name words.
            if (Bare(text, previous) == "of" && m - 2 >= 0 && IsNameWord(text, words[m - 2]) && !EndsWithComma(text, words[m - 2]))
            {
                m -= 2;
                continue;
            }

            break;
        }

        return m;
    }

    /// <summary>The run as written, without leading sentence words ("But", "The") and trailing punctuation; null if nothing is left.</summary>
    private static string? RunText(string text, List<(int Start, int End)> words, int start, int end)
    {
        while (start < end && (s_notNames.Contains(Bare(text, words[start])) || Bare(text, words[start]) == "of"))
        {
            start++;
        }

        while (end > start && (s_notNames.Contains(Bare(text, words[end - 1])) || Bare(text, words[end - 1]) == "of"))
        {
            end--;
        }

        if (start >= end)
        {
            return null;
        }

        var from = words[start].Start;
        var to = words[end - 1].End;
        while (from < to && !char.IsLetterOrDigit(text[from]))
        {
            from++;
        }

        while (to > from && text[to - 1] is ',' or ':' or ';' or '"' or '\u201C' or '\u201D' or ')' or '(' or '\u2019' or '\'')
        {
            to--;
        }

        // A final period belongs to an abbreviation or initial only; drop a sentence period.
        if (to > from && text[to - 1] == '.')
        {
            var lastWordStart = text.LastIndexOf(' ', to - 1, to - from) + 1;
            var letters = to - 1 - Math.Max(lastWordStart, from);
            if (letters > 1 && !text.AsSpan(Math.Max(lastWordStart, from), to - Math.Max(lastWordStart, from) - 1).Contains('.'))
            {
                to--;
            }
        }

        return to > from ? text[from..to] : null;
    }

    private static bool IsNameWord(string text, (int Start, int End) word)
    {
        var bare = Bare(text, word);
        if (bare.Length == 0)
        {
            return false;
        }

        if (char.IsUpper(bare[0]))
        {
            return !s_notNames.Contains(bare) || bare is "The" or "A" or "But" or "And";
        }

        // "al-Abadi", "bin Laden": a lower-case particle attached to (or before) a capitalised name.
        foreach (var particle in s_particles)
        {
            if (bare.Length > particle.Length + 1 && bare.StartsWith(particle, StringComparison.Ordinal) && bare[particle.Length] == '-' && char.IsUpper(bare[particle.Length + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithComma(string text, (int Start, int End) word)
    {
        var end = word.End;
        while (end > word.Start && text[end - 1] is '"' or '\u201D' or ')' or '\'' or '\u2019')
        {
            end--;
        }

        return end > word.Start && text[end - 1] is ',' or ';' or ':';
    }

    private static bool EndsClause(string text, (int Start, int End) word) => EndsWithComma(text, word) || EndsSentence(text, word);

    private static bool EndsSentence(string text, (int Start, int End) word)
    {
        var end = word.End;
        while (end > word.Start && text[end - 1] is '"' or '\u201D' or ')' or '\'' or '\u2019')
        {
            end--;
        }

        if (end == word.Start)
        {
            return false;
        }

        var last = text[end - 1];
        if (last is '!' or '?')
        {
            return true;
        }

        if (last != '.')
        {
            return false;
        }

        // "Adm.", "F.", "U.S." are not sentence ends here.
        var body = text.AsSpan(word.Start, end - 1 - word.Start).TrimStart("\"\u201C(");
        return !SentenceBreaks.IsAbbreviation(body);
    }

    private static string Bare(string text, (int Start, int End) word)
    {
        var start = word.Start;
        var end = word.End;
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static List<(int Start, int End)> Words(string text, int start, int end, int max, bool stopAtSentenceEnd)
    {
        var words = new List<(int, int)>();
        var i = start;
        while (i < end && words.Count < max)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end)
            {
                break;
            }

            var s = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            // Punctuation-only chunks (a comma after a closing quote, a dash) carry no word; a lone period ends the sentence.
            if (!HasLetterOrDigit(text, s, i))
            {
                if (stopAtSentenceEnd && text.AsSpan(s, i - s).IndexOfAny(".!?") >= 0)
                {
                    break;
                }

                continue;
            }

            words.Add((s, i));
            if (stopAtSentenceEnd && EndsSentence(text, (s, i)))
            {
                break;
            }
        }

        return words;
    }

    private static bool HasLetterOrDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
