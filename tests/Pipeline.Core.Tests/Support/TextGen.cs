using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Pipeline.Core.Tests.Support;

/// <summary>FsCheck generators for article-like text: words, unicode, quotes, hyphens, wraps, brackets, punctuation.</summary>
public static class TextGen
{
    private static readonly string[] Pieces =
    [
        "Kirby", "said", "the", "U.S.", "de-conflict", "air", "space", "airspace", "it’s", "it's", "ISIL", "Islamic", "State",
        "IS", "Daesh", "café", "naïve", "東京", "𝐀𝐁", "ﬁghters", "1.5", "1,000", "a.m.", "Rear", "Adm.", "John", "F.",
        "Dr.", "he", "told", "added", "Kerry", "net", "effect", "is", "positive", "We", "are", "not", "coordinating",
        "\"", "“", "”", "'", "‘", "’", "(", ")", "[", "]", ",", ".", "...", "…", ". . .", "—", "–", "-", "--", ":", ";",
        "?", "!", "\n", "\n\n", "\r\n", "\t", "\u00A0", "  ", "de-\n", "©", "/", "|", "\u200B", "\u0301", "İ",
        "Show Comments", "Related News", "% s", "<", ">", "&amp;",
    ];

    public static Gen<string> ArticleText { get; } =
        Gen.Elements(Pieces)
            .Select(p => p)
            .ListOf()
            .Select(list =>
            {
                var sb = new StringBuilder();
                foreach (var piece in list)
                {
                    sb.Append(piece);
                    if (!piece.EndsWith('\n') && piece is not ("de-\n" or "\u0301"))
                    {
                        sb.Append(' ');
                    }
                }

                return sb.ToString();
            });

    /// <summary>Arbitrary characters, including surrogates (paired or lone) and controls.</summary>
    public static Gen<string> AnyChars { get; } =
        Gen.Frequency(
                (6, Gen.Choose(0x20, 0x7E).Select(c => (char)c)),
                (2, Gen.Choose(0x80, 0x2FFF).Select(c => (char)c)),
                (1, Gen.Choose(0xD800, 0xDFFF).Select(c => (char)c)),
                (1, Gen.Elements('\n', '\r', '\t', '"', '“', '”', '(', ')', '[', ']', '.', '-', '\'')))
            .ArrayOf()
            .Select(chars => new string(chars));

    public static Gen<byte[]> AnyBytes { get; } =
        Gen.Frequency(
            (3, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()),
            (3, ArticleText.Select(Encoding.UTF8.GetBytes)),
            (1, ArticleText.Select(t => new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(t)).ToArray())),
            (1, ArticleText.Select(t => new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(t)).ToArray())),
            (1, AnyChars.Select(Encoding.UTF8.GetBytes)),
            (1, ArticleText.Select(t => Encoding.UTF8.GetBytes("<html><body><p>" + t + "</p></body></html>"))));
}
