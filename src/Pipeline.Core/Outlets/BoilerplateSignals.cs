using System.Text.RegularExpressions;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Outlets;

/// <summary>Page furniture that reads as such in any outlet, recognised per passage.</summary>
/// <remarks>
/// Normalization already drops furniture paragraphs at the head and tail of a page; these are the prompts and credits
/// that sit between prose paragraphs or inside them. Weak signals (a photo credit, "Read more") only mark short
/// passages, so a long caption or paragraph that merely ends with a credit is still text.
/// </remarks>
public static partial class BoilerplateSignals
{
    private const int ShortPassageWords = 15;
    private const int ShortPassageChars = 300;
    private const int MaxFurnitureChars = 600;
    private const int MinTextPiece = 4;
    private const int MaxSandwichedWords = 10;

    /// <summary>The article with every passage that carries a signal marked <see cref="BoilerplateReason.Signal"/>.</summary>
    /// <remarks>
    /// A signal in the middle of a passage (a sentence run into "Hide Caption 4 of 8 Photos: ...") cuts it: the words
    /// before the signal stay text when there are at least <see cref="MinTextPiece"/> of them.
    /// </remarks>
    public static Article Mark(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        List<Passage>? marked = null;
        for (var i = 0; i < article.Passages.Count; i++)
        {
            var passage = article.Passages[i];
            var text = article.Original.AsSpan(passage.Start, passage.End - passage.Start);
            var start = passage.Boilerplate is null ? FurnitureStart(text, passage.TokenCount) : -1;
            if (start < 0 && marked is null)
            {
                continue;
            }

            marked ??= [.. article.Passages.Take(i)];
            if (start < 0)
            {
                marked.Add(passage with { Index = marked.Count });
                continue;
            }

            var first = passage.FirstToken;
            var end = Math.Min(article.Tokens.Count, passage.FirstToken + passage.TokenCount);
            var cut = first;
            while (cut < end && article.Tokens[cut].Start < passage.Start + start)
            {
                cut++;
            }

            if (cut - first >= MinTextPiece && cut < end)
            {
                marked.Add(passage with { Index = marked.Count, End = article.Tokens[cut - 1].End, TokenCount = cut - first });
                marked.Add(passage with { Index = marked.Count, Start = article.Tokens[cut].Start, FirstToken = cut, TokenCount = end - cut, Boilerplate = BoilerplateReason.Signal });
            }
            else
            {
                marked.Add(passage with { Index = marked.Count, Boilerplate = BoilerplateReason.Signal });
            }
        }

        return marked is null ? article : article with { Passages = MarkSandwiched(marked) };
    }

    // Widget text between two pieces of furniture ("Please re-enter.", "An error has occurred.") carries no signal of its
    // own, but a few words fenced in by furniture on both sides are part of the same sign-up box or share bar.
    private static List<Passage> MarkSandwiched(List<Passage> passages)
    {
        for (var i = 1; i < passages.Count - 1; i++)
        {
            if (passages[i].Boilerplate is not null || passages[i - 1].Boilerplate != BoilerplateReason.Signal)
            {
                continue;
            }

            var end = i;
            var words = 0;
            while (end < passages.Count && passages[end].Boilerplate is null && words + passages[end].TokenCount <= MaxSandwichedWords)
            {
                words += passages[end].TokenCount;
                end++;
            }

            if (end > i && end < passages.Count && passages[end].Boilerplate == BoilerplateReason.Signal)
            {
                for (var k = i; k < end; k++)
                {
                    passages[k] = passages[k] with { Boilerplate = BoilerplateReason.Signal };
                }
            }
        }

        return passages;
    }

    /// <summary>Whether a passage's text of <paramref name="words"/> words reads as page furniture.</summary>
    /// <remarks>Furniture is short: a passage longer than <see cref="MaxFurnitureChars"/> is text, whatever it contains,
    /// which also bounds the matching cost on pathological input (a megabyte "sentence").</remarks>
    public static bool IsFurniture(ReadOnlySpan<char> text, int words) => FurnitureStart(text, words) >= 0;

    // Where the furniture in a passage's text starts, or -1.
    private static int FurnitureStart(ReadOnlySpan<char> text, int words)
    {
        if (text.Length > MaxFurnitureChars)
        {
            return -1;
        }

        if (text.ContainsAny(StrongWords))
        {
            foreach (var match in Strong().EnumerateMatches(text))
            {
                return match.Index;
            }
        }

        if (words <= ShortPassageWords && text.Length <= ShortPassageChars)
        {
            foreach (var match in Weak().EnumerateMatches(text))
            {
                return match.Index;
            }
        }

        return -1;
    }

    // Every strong signal contains one of these: a multi-string search rejects almost every sentence before the regex.
    private static readonly System.Buffers.SearchValues<string> StrongWords = System.Buffers.SearchValues.Create(
        ["caption", "photo", "sign", "continue reading", "inbox", "subscribe", "rights reserved", "may not be",
            "rush deadline", "pay for your stories", "email us", "story for", "robot", "newsletter", "subscrib", "special offers", "invalid email", "final form", "authoritative record"],
        StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"Hide Caption|\b\d+ of \d+ Photos?\b|Newsletter Sign[- ]?Up|Sign up for [^.]{0,60}\b(?:newsletters?|e-?mails?|alerts)\b|Continue reading the main story|delivered (?:straight )?to your inbox|Subscribe (?:now|today|to (?:our|the) [^.]{0,40}newsletter)|All rights reserved|may not be (?:published|reproduced|redistributed|rewritten)|transcripts are created on a rush deadline|We pay for your stories|Email us at [^ ]+@|Do you have a story for|verify you(?:'|’)?re not a robot|You must select a newsletter|Thank you for subscribing|already subscribed to (?:this|our)|View all [^.]{0,40}newsletters|receive occasional updates and special offers|Invalid email address|may not be in (?:its|their) final form|authoritative record of [^.]{0,40}programming", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"^\W*(?:Copyright\b|\u00A9|Read more|READ MORE|Related|Advertisement|Share this|Share on|Click here|Follow us|Photos?:|Image copyright|Picture:)|\((?:AP|Reuters|AFP|Getty Images?)(?: Photos?)?(?:/[^)]*)?\)\s*$|(?:Getty Images|Shutterstock|Associated Press|AP Photo)\s*$|^\W*(?:(?:Share|Tweet|Email|Print|Pin|Facebook|Twitter|WhatsApp|LinkedIn|Reddit|Comments?)\W*){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Weak();
}
