using System.Text;
using System.Text.RegularExpressions;
using Kiriwake.Core.Text;

namespace Kiriwake.Cli.Output;

/// <summary>
/// Plain text (the diagnosis report) wrapped for the terminal by <see cref="LineBreaker"/>: each line to the width,
/// a list item's continuation lines under its text, not under its marker ("  • ", "  1. ", "  [ ] ").
/// </summary>
internal static partial class PlainTextWrap
{
    public static string Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + (text.Length / 8));
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            var lead = Lead().Match(line).Value;
            var indent = LineBreaker.DisplayWidth(lead);
            var body = line[lead.Length..];
            if (body.Length == 0 || indent + LineBreaker.DisplayWidth(body) <= width)
            {
                result.Append(line);
            }
            else
            {
                var wrapped = LineBreaker.WrapText(body, Math.Max(10, width - indent));
                for (var i = 0; i < wrapped.Count; i++)
                {
                    result.Append(i == 0 ? lead : new string(' ', indent)).Append(wrapped[i]);
                    if (i < wrapped.Count - 1)
                    {
                        result.Append('\n');
                    }
                }
            }

            if (n < lines.Length - 1)
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    // Leading spaces and a list marker: "•", "-", "*", "1.", "[ ]", "[x]".
    [GeneratedRegex(@"^\s*(?:(?:[•\-\*]|\d+\.|\[[ xX✓]\])\s+)?")]
    private static partial Regex Lead();
}
