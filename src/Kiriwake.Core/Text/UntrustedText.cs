using System.Globalization;
using System.Text;

namespace Kiriwake.Core.Text;

/// <summary>
/// Text from outside (a device name in Info.plist, a path in Manifest.db, a log line, an answer) made safe to
/// show: control characters (C0, DEL, C1) and the bidirectional overrides that can disguise text are shown as
/// visible escapes (<c>\x1B</c>, <c>\u202E</c>) instead of being sent to a terminal or a page, where they could set
/// the window title, move the cursor or reorder what a person reads. Pure and shared by every front end.
/// </summary>
public static class UntrustedText
{
    /// <summary>What a shortened text ends with, followed by how many characters were left out.</summary>
    public const string Ellipsis = "…";

    /// <summary>One line: every control character, newlines and tabs included, is escaped.</summary>
    public static string Line(string? text) => Escape(text, keepLayout: false);

    /// <summary>Several lines: newlines and tabs are kept; every other control character is escaped.</summary>
    public static string Block(string? text) => Escape(text, keepLayout: true);

    /// <summary>True when <paramref name="c"/> must not reach a terminal as it is.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || IsBidiControl(c);

    /// <summary>At most <paramref name="maxChars"/> characters of a one-line text, with how many were left out.</summary>
    public static string Shorten(string? text, int maxChars)
    {
        var line = Line(text);
        if (line.Length <= maxChars)
        {
            return line;
        }

        int cut = maxChars;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{line.AsSpan(0, cut)}{Ellipsis}(+{line.Length - cut})");
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Escape(string? text, bool keepLayout)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsUnsafe(c) && !(keepLayout && c is '\n' or '\t'))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c) || (keepLayout && c is '\n' or '\t'))
            {
                builder.Append(c);
            }
            else if (keepLayout && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // A Windows line end is a line end, not an attempt to overwrite the line.
                continue;
            }
            else if (c <= '\u00FF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.ToString();
    }
}
