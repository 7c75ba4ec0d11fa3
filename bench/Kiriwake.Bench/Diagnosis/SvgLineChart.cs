using System.Globalization;
using System.Security;
using System.Text;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>A small line chart written as SVG by hand (no plotting package restores here): linear axes with ticks, a legend.</summary>
internal static class SvgLineChart
{
    public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        const int left = 70, right = 30, top = 60, bottom = 50, width = 760, height = 440;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var points = series.SelectMany(s => s.Points).ToArray();
        var xMax = Nice(points.Max(p => p.X));
        var yMin = Math.Min(0, points.Min(p => p.Y));
        var yMax = Nice(points.Max(p => p.Y));
        double X(double x) => left + (x / xMax * plotW);
        double Y(double y) => top + plotH - ((y - yMin) / (yMax - yMin) * plotH);

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">""").AppendLine();
        sb.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="20" font-size="14" font-weight="bold">{Esc(title)}</text>""").AppendLine();

        // Grid and ticks: five steps on each axis.
        for (var i = 0; i <= 5; i++)
        {
            var yv = yMin + ((yMax - yMin) * i / 5);
            var xv = xMax * i / 5;
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{Y(yv):0.#}" x2="{left + plotW}" y2="{Y(yv):0.#}" stroke="#e2e8f0"/><text x="{left - 6}" y="{Y(yv) + 4:0.#}" text-anchor="end">{yv:0.##}</text>""").AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{X(xv):0.#}" y1="{top}" x2="{X(xv):0.#}" y2="{top + plotH}" stroke="#e2e8f0"/><text x="{X(xv):0.#}" y="{top + plotH + 16}" text-anchor="middle">{xv:0.##}</text>""").AppendLine();
        }

        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{left}" y="{top}" width="{plotW}" height="{plotH}" fill="none" stroke="#4a5568"/>""").AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="{left + (plotW / 2)}" y="{height - 12}" text-anchor="middle" fill="#333">{Esc(xLabel)}</text>""").AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="{top + (plotH / 2)}" text-anchor="middle" fill="#333" transform="rotate(-90 16 {top + (plotH / 2)})">{Esc(yLabel)}</text>""").AppendLine();

        var lx = left;
        foreach (var s in series)
        {
            var dash = s.Dashed ? """ stroke-dasharray="6 4" """ : " ";
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{lx}" y1="40" x2="{lx + 22}" y2="40" stroke="{s.Color}" stroke-width="2"{dash}/><text x="{lx + 26}" y="44">{Esc(s.Name)}</text>""").AppendLine();
            lx += 40 + (s.Name.Length * 6);
            var path = string.Join(" ", s.Points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{X(p.X):0.##},{Y(p.Y):0.##}")));
            sb.Append(CultureInfo.InvariantCulture, $"""<path d="{path}" fill="none" stroke="{s.Color}" stroke-width="2"{dash}/>""").AppendLine();
            foreach (var p in s.Points.Where(_ => !s.Dashed))
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(p.X):0.##}" cy="{Y(p.Y):0.##}" r="2.5" fill="{s.Color}"/>""");
            }

            sb.AppendLine();
        }

        sb.AppendLine("</svg>");
        return sb.ToString();
    }

    /// <summary>A round upper bound: 1, 2, 2.5 or 5 times a power of ten.</summary>
    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * magnitude >= max)
            {
                return m * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
