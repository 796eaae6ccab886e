using Pipeline.Core.Decoding;
using Pipeline.Core.Normalization;
using Pipeline.Core.Segmentation;
using Pipeline.Core.Tokens;

namespace Pipeline.Core.Articles;

/// <summary>Reads an uploaded file into an <see cref="Article"/>, or says why it cannot.</summary>
public static class ArticleReader
{
    /// <summary>
    /// Decodes <paramref name="content"/> (UTF-8/UTF-16 by BOM, else UTF-8, else Windows-1252), extracts the article text
    /// of HTML pages, repairs the layout, drops boilerplate, and tokenizes and segments the prose. Never throws for bad
    /// content: unusable input comes back as a <see cref="Rejection"/>.
    /// </summary>
    /// <param name="name">The upload's name; a .html/.htm name selects HTML extraction (HTML is also recognised by content).</param>
    /// <param name="content">The raw bytes.</param>
    /// <param name="options">Alias table, compound list and size limit; <see cref="ReadOptions.Default"/> when null.</param>
    public static ArticleReadResult Read(string name, ReadOnlySpan<byte> content, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        options ??= ReadOptions.Default;
        if (content.Length > options.MaxBytes)
        {
            return ArticleReadResult.Rejected(Rejection.TooLarge, $"The file has {content.Length} bytes; the limit is {options.MaxBytes}.");
        }

        var decoded = TextDecoder.Decode(content);
        if (decoded.Rejection is not null)
        {
            return new ArticleReadResult(null, decoded.Rejection);
        }

        var original = decoded.Text!;
        string? htmlTitle = null;
        if (HtmlArticle.Looks(name, original))
        {
            // For HTML the Original is the extracted text: offsets index what a reader sees, not the markup.
            (original, htmlTitle) = HtmlArticle.Extract(original);
            if (original.Length == 0)
            {
                return ArticleReadResult.Rejected(Rejection.NoProse, "The HTML page has no article text.");
            }
        }

        return FromText(name, original, htmlTitle, options);
    }

    private static ArticleReadResult FromText(string name, string original, string? titleHint, ReadOptions options)
    {
        var normalized = ProseNormalizer.Normalize(original);
        var segmentation = Segmenter.Segment(normalized.Text, normalized.Paragraphs);
        var (tokens, textStarts) = ArticleTokens.Build(normalized.Text, normalized.Map, options, segmentation.Quotes, segmentation.Editorial);
        if (tokens.Length == 0)
        {
            return ArticleReadResult.Rejected(Rejection.NoProse, "The text has no article prose (only page furniture such as menus, prompts or copyright lines, or no words at all).");
        }

        var passages = new List<Passage>(segmentation.Segments.Count);
        var t = 0;
        foreach (var segment in segmentation.Segments)
        {
            while (t < textStarts.Length && textStarts[t] < segment.Start)
            {
                t++;
            }

            var first = t;
            while (t < textStarts.Length && textStarts[t] < segment.End)
            {
                t++;
            }

            if (t == first)
            {
                continue;
            }

            var (start, end) = normalized.Map.ToOriginal(segment.Start, segment.End);
            passages.Add(new Passage(passages.Count, start, end, segment.Kind, segment.Speaker, first, t - first));
        }

        var title = normalized.Title ?? titleHint;
        // Furniture between prose paragraphs (prompts, credits, share bars) stays readable but is marked, so it never aligns.
        return ArticleReadResult.Accepted(Outlets.BoilerplateSignals.Mark(new Article(name, original, normalized.Text, normalized.Map, title, tokens, passages)));
    }
}
