using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Core.Normalization;

/// <summary>
/// Extracts the article text of an HTML page with AngleSharp: page chrome (script, style, nav, header, footer, aside,
/// form, noscript, ...) is removed, &lt;article&gt; or &lt;main&gt; is preferred when present, and block elements become
/// paragraphs separated by blank lines.
/// </summary>
/// <remarks>
/// For HTML uploads the extracted text is the article's Original: offsets index it, not the markup. Markup offsets would
/// point into tags and entities, which no reader wants to see quoted back.
/// </remarks>
internal static class HtmlArticle
{
    private static readonly string[] s_chrome =
        ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "iframe", "svg", "button", "select", "object", "embed", "canvas", "video", "audio", "dialog", "menu"];

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "hr", "br", "address", "body", "center",
    };

    /// <summary>True when the name or the first characters say this is an HTML document.</summary>
    public static bool Looks(string name, string text)
    {
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The page's article text (paragraphs separated by blank lines) and its title when it has one.</summary>
    public static (string Text, string? Title) Extract(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var title = document.QuerySelector("h1")?.TextContent ?? document.Title;
        foreach (var element in document.QuerySelectorAll(string.Join(',', s_chrome)).ToArray())
        {
            element.Remove();
        }

        INode? root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? (INode?)document.Body ?? document.DocumentElement;
        var sb = new StringBuilder();
        if (root is not null)
        {
            Walk(root, sb);
        }

        title = string.IsNullOrWhiteSpace(title) ? null : CollapseSpaces(title);
        return (sb.ToString().Trim(), title);
    }

    private static void Walk(INode root, StringBuilder sb)
    {
        // Iterative walk: deeply nested markup must not overflow the stack.
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                var block = s_blocks.Contains(element.LocalName);
                if (exit)
                {
                    if (block)
                    {
                        BreakParagraph(sb);
                    }

                    continue;
                }

                if (block)
                {
                    BreakParagraph(sb);
                }

                stack.Push((node, true));
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.ChildNodes[i], false));
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                AppendInline(sb, node.TextContent);
            }
            else if (node.NodeType is NodeType.Document or NodeType.DocumentFragment)
            {
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.ChildNodes[i], false));
                }
            }
        }
    }

    private static void BreakParagraph(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        if (sb.Length == 0 || (sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n'))
        {
            return;
        }

        sb.Append(sb[^1] == '\n' ? "\n" : "\n\n");
    }

    private static void AppendInline(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        AppendInline(sb, text);
        return sb.ToString().Trim();
    }
}
