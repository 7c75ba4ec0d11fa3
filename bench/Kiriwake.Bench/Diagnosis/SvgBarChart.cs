using System.Globalization;
using System.Security;
using System.Text;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>A small grouped horizontal bar chart written as SVG by hand (no plotting package restores here).</summary>
internal static class SvgBarChart
{
    public sealed record Series(string Name, string Color, IReadOnlyList<double?> Values);

    public static string Render(string title, string unit, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        const int labelWidth = 260, chartWidth = 560, barHeight = 9, gap = 10, top = 56;
        var groupHeight = (series.Count * barHeight) + gap;
        var height = top + (labels.Count * groupHeight) + 30;
        var max = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        var scale = chartWidth / (max * 1.08);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{labelWidth + chartWidth + 90}" height="{height}" font-family="sans-serif" font-size="11">""").AppendLine();
        sb.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="20" font-size="14" font-weight="bold">{Esc(title)}</text>""").AppendLine();
        var x = labelWidth;
        foreach (var s in series)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="30" width="10" height="10" fill="{s.Color}"/><text x="{x + 14}" y="39">{Esc(s.Name)}</text>""").AppendLine();
            x += 20 + (s.Name.Length * 7);
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var y = top + (i * groupHeight);
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth - 6}" y="{y + (series.Count * barHeight / 2.0) + 4:0.#}" text-anchor="end">{Esc(labels[i])}</text>""").AppendLine();
            for (var j = 0; j < series.Count; j++)
            {
                if (series[j].Values[i] is not { } v)
                {
                    continue;
                }

                var by = y + (j * barHeight);
                sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{labelWidth}" y="{by}" width="{v * scale:0.#}" height="{barHeight - 1}" fill="{series[j].Color}"/>""");
                sb.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth + (v * scale) + 3:0.#}" y="{by + barHeight - 1}" font-size="8">{v:0.#}</text>""").AppendLine();
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth}" y="{height - 8}" fill="#555">{Esc(unit)}</text>""").AppendLine();
        sb.AppendLine("</svg>");
        return sb.ToString();
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
