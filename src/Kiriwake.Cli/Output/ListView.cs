using Kiriwake.Core.Text;
using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>
/// A list whose items wrap under their own text, not under the marker, with the Japanese line-breaking rules
/// of <see cref="LineBreaker"/> (no line starts with 。、）」, no katakana word split in two).
/// </summary>
internal static class ListView
{
    /// <param name="rows">Marker (e.g. "1.") and the item, both already in Spectre markup.</param>
    public static void Write(IAnsiConsole console, IEnumerable<(string Marker, string Markup)> rows, int indent = 2)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var markerWidth = list.Max(r => LineBreaker.DisplayWidth(WrappedMarkup.Plain(r.Marker)));
        var textIndent = indent + markerWidth + 1;
        var width = Math.Max(10, console.Profile.Width - textIndent);
        foreach (var (marker, markup) in list)
        {
            var pad = markerWidth - LineBreaker.DisplayWidth(WrappedMarkup.Plain(marker));
            var first = true;
            foreach (var line in WrappedMarkup.Lines(markup, width))
            {
                var head = first ? new string(' ', indent) + marker + new string(' ', pad + 1) : new string(' ', textIndent);
                console.Markup(head + line + "\n");
                first = false;
            }
        }
    }
}
