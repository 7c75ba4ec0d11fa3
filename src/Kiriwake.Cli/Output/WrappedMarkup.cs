using System.Text;
using Kiriwake.Core.Text;
using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>
/// Spectre markup wrapped by <see cref="LineBreaker"/> (Japanese line-breaking rules) instead of Spectre's own
/// wrapping, which breaks Japanese anywhere and katakana words in two. Styles stay right across lines: each
/// line closes its open tags and the next reopens them.
/// </summary>
internal static class WrappedMarkup
{
    /// <summary>Writes the markup as lines of at most the console's width minus <paramref name="indent"/>, each indented.</summary>
    public static void WriteLine(IAnsiConsole console, string markup, int indent = 0)
    {
        var pad = new string(' ', indent);
        foreach (var line in Lines(markup, Math.Max(10, console.Profile.Width - indent)))
        {
            console.Markup(pad + line + "\n");
        }
    }

    /// <summary>The markup as wrapped lines of markup.</summary>
    public static IReadOnlyList<string> Lines(string markup, int width)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var (plain, tokens) = Parse(markup);
        var spans = LineBreaker.Wrap(plain, width);
        var lines = new List<string>(spans.Count);
        var open = new List<string>();
        var tokenIndex = 0;
        foreach (var span in spans)
        {
            var line = new StringBuilder();
            var end = span.Start + span.Length;

            // Tags before this line's first character (including those in the spaces dropped at the break) apply from its start.
            while (tokenIndex < tokens.Count && tokens[tokenIndex].At <= span.Start && tokens[tokenIndex].Tag is not null)
            {
                Apply(open, tokens[tokenIndex].Tag!);
                tokenIndex++;
            }

            foreach (var tag in open)
            {
                line.Append('[').Append(tag).Append(']');
            }

            for (var i = span.Start; i < end; i++)
            {
                while (tokenIndex < tokens.Count && tokens[tokenIndex].At == i)
                {
                    var tag = tokens[tokenIndex].Tag!;
                    Apply(open, tag);
                    line.Append('[').Append(tag).Append(']');
                    tokenIndex++;
                }

                line.Append(plain[i] switch
                {
                    '[' => "[[",
                    ']' => "]]",
                    var c => c.ToString(),
                });
            }

            // Closing tags right after the last character still belong to this line.
            while (tokenIndex < tokens.Count && tokens[tokenIndex].At == end && tokens[tokenIndex].Tag == "/")
            {
                Apply(open, "/");
                line.Append("[/]");
                tokenIndex++;
            }

            line.Append(string.Concat(Enumerable.Repeat("[/]", open.Count)));
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>The text a person sees (markup removed, escapes undone).</summary>
    public static string Plain(string markup) => Parse(markup).Plain;

    private static void Apply(List<string> open, string tag)
    {
        if (tag == "/")
        {
            if (open.Count > 0)
            {
                open.RemoveAt(open.Count - 1);
            }
        }
        else
        {
            open.Add(tag);
        }
    }

    /// <summary>Plain text and the tags with the plain index they stand before.</summary>
    private static (string Plain, List<(int At, string? Tag)> Tokens) Parse(string markup)
    {
        var plain = new StringBuilder(markup.Length);
        var tokens = new List<(int At, string? Tag)>();
        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if (c == '[' && i + 1 < markup.Length && markup[i + 1] == '[')
            {
                plain.Append('[');
                i++;
            }
            else if (c == ']' && i + 1 < markup.Length && markup[i + 1] == ']')
            {
                plain.Append(']');
                i++;
            }
            else if (c == '[')
            {
                var close = markup.IndexOf(']', i + 1);
                if (close < 0)
                {
                    plain.Append(markup, i, markup.Length - i);
                    break;
                }

                var tag = markup[(i + 1)..close];
                tokens.Add((plain.Length, tag.StartsWith('/') ? "/" : tag));
                i = close;
            }
            else
            {
                plain.Append(c);
            }
        }

        return (plain.ToString(), tokens);
    }
}
