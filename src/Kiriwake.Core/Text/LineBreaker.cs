namespace Kiriwake.Core.Text;

/// <summary>
/// Breaks text into lines of a display width with the Japanese line-breaking rules (kinsoku shori), for the
/// terminal and any other front end that wraps text itself:
/// no line starts with closing brackets, 。、 and other marks that close a phrase, small kana or ー;
/// no line ends with an opening bracket; a list number ("3.") stays with the text after it;
/// no break inside a katakana word or inside ASCII text between spaces (iPhone, (4013), iTunes/Finder);
/// elsewhere in Japanese a break may fall between any two characters. Wide characters count two columns.
/// A unit longer than a whole line is cut where it must be.
/// </summary>
public static class LineBreaker
{
    /// <summary>Characters that must not begin a line (行頭禁則).</summary>
    public const string NoLineStart = "、。，．,.・：；:;？！?!）」』】〕〉》］｝〙〗)]}’”ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～%％…‥";

    /// <summary>Characters that must not end a line (行末禁則).</summary>
    public const string NoLineEnd = "（「『【〔〈《［｛〘〖([{‘“";

    /// <summary>Where each line is in <paramref name="text"/>: start and length, spaces at the break left out. A newline in the text always breaks.</summary>
    public static IReadOnlyList<LineSpan> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        var lines = new List<LineSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                WrapParagraph(text, start, end, width, lines);
                start = i + 1;
            }
        }

        return lines;
    }

    /// <summary>The lines themselves.</summary>
    public static IReadOnlyList<string> WrapText(string text, int width) =>
        Wrap(text, width).Select(s => text.Substring(s.Start, s.Length)).ToList();

    /// <summary>Columns the text takes in a terminal: wide (CJK, full-width) characters two, combining marks none.</summary>
    public static int DisplayWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        for (var i = 0; i < text.Length; i++)
        {
            width += Width(text, i);
        }

        return width;
    }

    private static void WrapParagraph(string text, int start, int end, int width, List<LineSpan> lines)
    {
        var lineStart = SkipSpaces(text, start, end);
        if (lineStart >= end)
        {
            lines.Add(new LineSpan(start, 0));
            return;
        }

        while (lineStart < end)
        {
            var columns = 0;
            var lastBreak = -1;
            var i = lineStart;
            while (i < end)
            {
                var w = Width(text, i);
                if (columns + w > width && !char.IsWhiteSpace(text[i]))
                {
                    break;
                }

                columns += w;
                i++;
                if (i < end && CanBreakBefore(text, i, lineStart))
                {
                    lastBreak = i;
                }
            }

            if (i >= end)
            {
                lines.Add(Span(text, lineStart, end));
                return;
            }

            // Break at the last opportunity on the line; with none, the unit is longer than a line and is cut here.
            var cut = lastBreak > lineStart ? lastBreak : Math.Max(i, lineStart + 1);
            if (char.IsLowSurrogate(text[cut]) && cut > lineStart + 1)
            {
                cut--;
            }

            lines.Add(Span(text, lineStart, cut));
            lineStart = SkipSpaces(text, cut, end);
        }
    }

    /// <summary>Whether a line may end before <paramref name="i"/> (the break falls between i-1 and i).</summary>
    private static bool CanBreakBefore(string text, int i, int lineStart)
    {
        var before = text[i - 1];
        var after = text[i];
        if (char.IsWhiteSpace(after))
        {
            return false;
        }

        if (char.IsWhiteSpace(before))
        {
            // "3. " or "(2) " at the start of an item stays with its text.
            return !EndsWithListNumber(text, lineStart, i - 1);
        }

        if (NoLineStart.Contains(after, StringComparison.Ordinal) || NoLineEnd.Contains(before, StringComparison.Ordinal))
        {
            return false;
        }

        if (char.IsLowSurrogate(after))
        {
            return false;
        }

        // ASCII text breaks only at spaces; a katakana word never breaks.
        if (IsAsciiVisible(before) && IsAsciiVisible(after))
        {
            return false;
        }

        return !(IsKatakana(before) && IsKatakana(after));
    }

    /// <summary>True when the text before the space at <paramref name="space"/> is a list number: digits and "." or ")" after a space or the line start.</summary>
    private static bool EndsWithListNumber(string text, int lineStart, int space)
    {
        var j = space - 1;
        while (j >= lineStart && char.IsWhiteSpace(text[j]))
        {
            j--;
        }

        if (j < lineStart || (text[j] is not ('.' or ')' or '．' or '）')))
        {
            return false;
        }

        var digitsEnd = j;
        j--;
        while (j >= lineStart && (char.IsAsciiDigit(text[j]) || text[j] is >= '０' and <= '９'))
        {
            j--;
        }

        return j < digitsEnd - 1 && (j < lineStart || char.IsWhiteSpace(text[j]) || text[j] is '(' or '（');
    }

    private static bool IsAsciiVisible(char c) => c is > ' ' and < '\u007F';

    private static bool IsKatakana(char c) => c is (>= '\u30A1' and <= '\u30FA') or 'ー' or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F');

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t' or '\u3000')
        {
            i++;
        }

        return i;
    }

    private static LineSpan Span(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new LineSpan(start, end - start);
    }

    private static int Width(string text, int i)
    {
        var c = text[i];
        if (char.IsLowSurrogate(c))
        {
            return 0;
        }

        if (char.IsHighSurrogate(c))
        {
            return 2;
        }

        if (c < 0x1100)
        {
            return c is >= '\u0300' and <= '\u036F' ? 0 : 1;
        }

        return c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\u303E') or (>= '\u3041' and <= '\u33FF')
            or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uA000' and <= '\uA4CF')
            or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6')
            ? 2
            : 1;
    }
}

/// <summary>One line of wrapped text: where it starts in the text and how many characters it has.</summary>
public readonly record struct LineSpan(int Start, int Length);
