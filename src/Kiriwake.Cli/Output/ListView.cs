using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>
/// A list whose items wrap under their own text, not under the marker: Japanese has no spaces to break at, so a
/// long item written as one line would otherwise continue at the left margin.
/// </summary>
internal static class ListView
{
    /// <param name="rows">Marker (e.g. "1.") and the item, both already in Spectre markup.</param>
    public static void Write(IAnsiConsole console, IEnumerable<(string Marker, string Markup)> rows, int indent = 2)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadLeft(indent).PadRight(1));
        grid.AddColumn(new GridColumn().PadRight(0));
        var any = false;
        foreach (var (marker, markup) in rows)
        {
            grid.AddRow(new Markup(marker), new Markup(markup));
            any = true;
        }

        if (any)
        {
            console.Write(grid);
        }
    }
}
