using System.Globalization;
using System.Text;

namespace Pipeline.Bench.Macro;

/// <summary>A small log-log line chart written as SVG by hand (no plotting package is available here).</summary>
internal static class SvgPlot
{
    /// <summary>One line: its points and whether they were measured (solid) or extrapolated (dashed, hollow).</summary>
    public sealed record Series(string Label, string Color, IReadOnlyList<(double X, double Y)> Points, bool Extrapolated);

    public static string LogLog(string title, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        const double width = 760, height = 460, left = 80, right = 250, top = 40, bottom = 60;
        var points = series.SelectMany(s => s.Points).Where(p => p.X > 0 && p.Y > 0).ToList();
        var (x0, x1) = Decades(points.Min(p => p.X), points.Max(p => p.X));
        var (y0, y1) = Decades(points.Min(p => p.Y), points.Max(p => p.Y));
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(double v) => left + (Math.Log10(v) - x0) / (x1 - x0) * plotW;
        double Y(double v) => top + plotH - ((Math.Log10(v) - y0) / (y1 - y0) * plotH);
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left)}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>\n");
        for (var d = x0; d <= x1; d++)
        {
            var x = X(Math.Pow(10, d));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(top)}\" x2=\"{F(x)}\" y2=\"{F(top + plotH)}\" stroke=\"#ddd\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(top + plotH + 18)}\" text-anchor=\"middle\">{Escape(Human(Math.Pow(10, d)))}</text>\n");
        }

        for (var d = y0; d <= y1; d++)
        {
            var y = Y(Math.Pow(10, d));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(left + plotW)}\" y2=\"{F(y)}\" stroke=\"#ddd\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Escape(Milliseconds(Math.Pow(10, d)))}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(left)}\" y=\"{F(top)}\" width=\"{F(plotW)}\" height=\"{F(plotH)}\" fill=\"none\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + (plotW / 2))}\" y=\"{F(height - 18)}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(18 {F(top + (plotH / 2))}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");

        var legendY = top + 10;
        foreach (var s in series)
        {
            var valid = s.Points.Where(p => p.X > 0 && p.Y > 0).ToList();
            var dash = s.Extrapolated ? " stroke-dasharray=\"6 4\"" : string.Empty;
            if (valid.Count > 1)
            {
                var path = string.Join(' ', valid.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>\n");
            }

            foreach (var p in valid)
            {
                var fill = s.Extrapolated ? "white" : s.Color;
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.X))}\" cy=\"{F(Y(p.Y))}\" r=\"4\" fill=\"{fill}\" stroke=\"{s.Color}\" stroke-width=\"2\"><title>{Escape(s.Label)}: {Escape(Milliseconds(p.Y))} at {Escape(Human(p.X))}</title></circle>\n");
            }

            var lx = left + plotW + 15;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(lx)}\" y1=\"{F(legendY)}\" x2=\"{F(lx + 24)}\" y2=\"{F(legendY)}\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(lx + 30)}\" y=\"{F(legendY + 4)}\">{Escape(s.Label)}</text>\n");
            legendY += 20;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static (int Low, int High) Decades(double min, double max)
    {
        var low = (int)Math.Floor(Math.Log10(min));
        var high = (int)Math.Ceiling(Math.Log10(max));
        return (low, high == low ? low + 1 : high);
    }

    private static string Human(double v) => v switch
    {
        >= 1e6 => (v / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => v.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string Milliseconds(double ms) => ms switch
    {
        >= 1000 => (ms / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " s",
        >= 1 => ms.ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        _ => (ms * 1000).ToString("0.##", CultureInfo.InvariantCulture) + " µs",
    };

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
