using System.Net;
using System.Text;

namespace Pipeline.Core.Normalization;

/// <summary>
/// A linear fallback for pathological HTML (nesting thousands deep), where a full HTML5 parse costs time proportional to
/// depth × size: drops comments and the contents of script/style-like elements, turns block tags into paragraph breaks
/// and decodes entities.
/// </summary>
internal static class HtmlTagStripper
{
    /// <summary>Deeper than this, <see cref="HtmlArticle"/> uses the stripper instead of AngleSharp.</summary>
    public const int MaxParsedDepth = 256;

    private static readonly string[] s_skipContent = ["script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form"];

    private static readonly HashSet<string> s_void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    };

    /// <summary>The largest nesting depth of tags, estimated in one pass (stops counting once past <paramref name="limit"/>).</summary>
    public static int Depth(string html, int limit)
    {
        var depth = 0;
        var max = 0;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var close = html.IndexOf('>', i + 1);
                if (close < 0)
                {
                    break;
                }

                var nameEnd = i + 1;
                while (nameEnd < close && char.IsAsciiLetterOrDigit(html[nameEnd]))
                {
                    nameEnd++;
                }

                if (html[close - 1] != '/' && !s_void.Contains(html[(i + 1)..nameEnd]))
                {
                    depth++;
                    max = Math.Max(max, depth);
                    if (max > limit)
                    {
                        return max;
                    }
                }

                i = close;
            }

            i = html.IndexOf('<', i + 1);
        }

        return max;
    }

    public static string Strip(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var text = new StringBuilder();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            text.Append(html, i, textEnd - i);
            if (lt < 0)
            {
                break;
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var nameStart = lt + 1 < html.Length && html[lt + 1] == '/' ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < gt && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd];
            i = gt + 1;
            if (nameStart == lt + 1 && Array.Exists(s_skipContent, s => s.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var endGt = end < 0 ? -1 : html.IndexOf('>', end);
                i = endGt < 0 ? html.Length : endGt + 1;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                Flush(sb, text);
                if (sb.Length > 0 && sb[^1] != '\n')
                {
                    sb.Append('\n');
                }
            }
            else if (HtmlArticle.IsBlock(name))
            {
                Flush(sb, text);
                HtmlArticle.BreakParagraph(sb);
            }
        }

        Flush(sb, text);
        return sb.ToString().Trim();
    }

    private static void Flush(StringBuilder sb, StringBuilder text)
    {
        if (text.Length > 0)
        {
            HtmlArticle.AppendInline(sb, WebUtility.HtmlDecode(text.ToString()));
            text.Clear();
        }
    }
}
