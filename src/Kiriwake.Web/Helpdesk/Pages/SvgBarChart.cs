using System.Globalization;
using System.Text;
using Kiriwake.Web.Pages;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: no script, no CDN, no style attribute (colours are SVG
/// presentation attributes and the site's CSS classes), with a title and description for screen readers.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640;
    private const int LabelWidth = 250;
    private const int BarHeight = 22;
    private const int Gap = 8;

    /// <param name="max">The value of a full bar (null: the largest value).</param>
    public static string Render(string id, string title, IReadOnlyList<(string Label, double Value, string ValueText)> bars, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var top = max ?? (bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), 1e-9));
        var height = Math.Max(1, bars.Count) * (BarHeight + Gap) + Gap;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{Html.E(id)}\" role=\"img\" aria-labelledby=\"{Html.E(id)}-t\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{Html.E(id)}-t\">{Html.E(title)}</title>");
        var y = Gap;
        foreach (var (label, value, text) in bars)
        {
            var length = top <= 0 ? 0 : Math.Max(0, Math.Min(1, value / top)) * (Width - LabelWidth - 120);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight - 6}\" text-anchor=\"end\" font-size=\"13\" fill=\"currentColor\">{Html.E(Shorten(label))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight}\" rx=\"3\" fill=\"#2f6fb0\"><title>{Html.E(label)}: {Html.E(text)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + BarHeight - 6}\" font-size=\"13\" fill=\"currentColor\">{Html.E(text)}</text>");
            y += BarHeight + Gap;
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>Cut to what fits left of the bars: a full-width (Japanese) character counts as one em, others as half.</summary>
    private static string Shorten(string label)
    {
        const double room = 18; // ems of 13 px in the label column
        double used = 0;
        for (var i = 0; i < label.Length; i++)
        {
            used += label[i] < 0x2E80 ? 0.55 : 1;
            if (used > room)
            {
                return label[..Math.Max(0, i - 1)] + "…";
            }
        }

        return label;
    }
}
