using System.Text;

namespace Pipeline.Core.Normalization;

/// <summary>
/// Decides which paragraphs are article prose and which are page furniture, from general signals rather than phrases:
/// whether a paragraph ends like a sentence, how long it is, where it stands (before the first or after the last prose
/// paragraph), whether it repeats, whether it is a list of short links, and copyright marks.
/// </summary>
/// <remarks>
/// Short non-sentence lines between prose paragraphs are kept as headings: dropping them would risk real content, while
/// the tails and heads of pages (where widgets, sign-up prompts and "Related News" live) are dropped wholesale.
/// </remarks>
internal static class Boilerplate
{
    private const int DekMinWords = 8;
    private const int TitleMinWords = 5;
    private const int TitleMaxWords = 30;
    private const int LongParagraphWords = 20;
    private const int LongParagraphChars = 300;
    private const int LateNoticeChars = 100;

    public static ParagraphRole[] Classify(string original, IReadOnlyList<SourceParagraph> paragraphs)
    {
        var count = paragraphs.Count;
        var roles = new ParagraphRole[count];
        var facts = new ParagraphFacts[count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            facts[i] = ParagraphFacts.Of(original, paragraphs[i]);
            seen[facts[i].Fingerprint] = seen.TryGetValue(facts[i].Fingerprint, out var n) ? n + 1 : 1;
        }

        var firstProse = -1;
        var lastProse = -1;
        for (var i = 0; i < count; i++)
        {
            if (IsProse(facts[i]))
            {
                firstProse = firstProse < 0 ? i : firstProse;
                lastProse = i;
            }
        }

        var keptFingerprints = new HashSet<string>(StringComparer.Ordinal);
        var titleTaken = false;
        for (var i = 0; i < count; i++)
        {
            var f = facts[i];
            var prose = IsProse(f);
            ParagraphRole role;
            if (f.Copyright || f.LinkList || f.Words == 0)
            {
                role = ParagraphRole.Boilerplate;
            }
            else if (prose)
            {
                // A repeated sentence is kept once (a pull quote repeats article text).
                role = keptFingerprints.Add(f.Fingerprint) ? ParagraphRole.Prose : ParagraphRole.Boilerplate;
            }
            else if (seen[f.Fingerprint] > 1)
            {
                // Repeated non-sentences are page furniture ("Show Comments", sign-up prompts).
                role = ParagraphRole.Boilerplate;
            }
            else if (firstProse < 0 || i < firstProse)
            {
                if (!titleTaken && f.Words >= TitleMinWords && f.Words <= TitleMaxWords)
                {
                    role = ParagraphRole.Title;
                    titleTaken = true;
                }
                else
                {
                    role = f.Words >= DekMinWords ? ParagraphRole.Heading : ParagraphRole.Boilerplate;
                }
            }
            else if (i > lastProse)
            {
                role = ParagraphRole.Boilerplate;
            }
            else
            {
                role = ParagraphRole.Heading;
            }

            roles[i] = role;
        }

        return roles;
    }

    /// <summary>A sentence-like paragraph, or one too long to be page furniture (an unpunctuated dump is still text).</summary>
    private static bool IsProse(ParagraphFacts f) =>
        !f.Copyright && !f.LinkList && f.Words > 0
        && ((f.EndsSentence && f.Words >= 3) || f.Words >= LongParagraphWords || f.Length >= LongParagraphChars);

    /// <summary>The signals of one paragraph.</summary>
    private readonly record struct ParagraphFacts(int Words, int Length, bool EndsSentence, bool Copyright, bool LinkList, string Fingerprint)
    {
        private const int FingerprintMax = 200;

        public static ParagraphFacts Of(string text, SourceParagraph paragraph)
        {
            var start = paragraph.Start;
            var end = paragraph.End;
            var words = 0;
            var inWord = false;
            var letters = 0;
            var fingerprint = new StringBuilder(Math.Min(end - start, FingerprintMax));
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    letters++;
                    if (!inWord)
                    {
                        words++;
                        inWord = true;
                    }

                    if (fingerprint.Length < FingerprintMax)
                    {
                        fingerprint.Append(char.ToLowerInvariant(c));
                    }
                }
                else if (LayoutRepair.IsBlank(c))
                {
                    inWord = false;
                }
            }

            // Fingerprint of long paragraphs includes length so different long paragraphs with a common start stay apart.
            if (end - start > FingerprintMax)
            {
                fingerprint.Append('#').Append(letters);
            }

            var tail = end;
            while (tail > start && (text[tail - 1] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB' || LayoutRepair.IsBlank(text[tail - 1])))
            {
                tail--;
            }

            var endsSentence = tail > start && text[tail - 1] is '.' or '!' or '?' or '\u2026';
            return new ParagraphFacts(words, end - start, endsSentence, IsCopyright(text, start, end), IsLinkList(text, start, end), fingerprint.ToString());
        }

        private static bool IsCopyright(string text, int start, int end)
        {
            var span = text.AsSpan(start, end - start);
            if (span.Length > 300)
            {
                return false;
            }

            // A notice at the end of a longer paragraph is a line that layout repair joined to the one before it (an
            // embedded tweet's last line has no full stop): the paragraph is text, and the notice is marked later as a
            // passage of its own (Outlets.BoilerplateSignals).
            var rights = span.IndexOf("all rights reserved", StringComparison.OrdinalIgnoreCase);
            return (HasCopyrightSign(span) && !LateNotice(span, span.IndexOf('\u00A9')))
                || (rights >= 0 && !LateNotice(span, rights))
                || span.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase)
                || (span.StartsWith("copyright ", StringComparison.OrdinalIgnoreCase) && span.Length < 120);
        }

        // The notice starts past a first stretch long enough to be a sentence of its own, ended by a line break.
        private static bool LateNotice(ReadOnlySpan<char> span, int notice)
        {
            var start = notice;
            while (start > 0 && span[start - 1] != '\n' && span[start - 1] != '\r')
            {
                start--;
            }

            return start >= LateNoticeChars;
        }

        /// <summary>A © that stands as a sign: not glued to a preceding letter, as in "cafÃ©", UTF-8 "é" read as Windows-1252.</summary>
        private static bool HasCopyrightSign(ReadOnlySpan<char> span)
        {
            var from = 0;
            while (span[from..].IndexOf('\u00A9') is var found and >= 0)
            {
                var i = from + found;
                if (i == 0 || !char.IsLetter(span[i - 1]))
                {
                    return true;
                }

                from = i + 1;
            }

            return false;
        }

        /// <summary>Three or more short items separated by "/", "|", " - ", "·" or "•": a menu, picker or breadcrumb.</summary>
        private static bool IsLinkList(string text, int start, int end)
        {
            if (end - start > 400)
            {
                return false;
            }

            var items = 1;
            var wordsInItem = 0;
            var inWord = false;
            var maxWords = 0;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                var separator = c is '/' or '|' or '\u00B7' or '\u2022' or '\u00BB'
                    || (c is '-' or '\u2013' or '\u2014' && i > start && i + 1 < end && LayoutRepair.IsBlank(text[i - 1]) && LayoutRepair.IsBlank(text[i + 1]));
                if (separator)
                {
                    items++;
                    maxWords = Math.Max(maxWords, wordsInItem);
                    wordsInItem = 0;
                    inWord = false;
                }
                else if (LayoutRepair.IsBlank(c))
                {
                    inWord = false;
                }
                else if (!inWord && char.IsLetterOrDigit(c))
                {
                    inWord = true;
                    wordsInItem++;
                }
                else if (c is '.' or '!' or '?' && i + 1 < end && LayoutRepair.IsBlank(text[i + 1]))
                {
                    // A sentence inside: not a menu.
                    return false;
                }
            }

            maxWords = Math.Max(maxWords, wordsInItem);
            return items >= 3 && maxWords <= 5;
        }
    }
}
