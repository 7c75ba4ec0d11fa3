using System.Text;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// Finds the knowledge base's messages in pasted text however it was pasted: Unicode NFKC (full-width
/// brackets and digits, "…" → "..."), one kind of quote, no whitespace at all (Japanese text gains and loses
/// spaces around brackets), case folded. An ellipsis in a message stands for any text, and so does a quoted
/// name ("iPhone "Name""), so "…because the iPhone disconnected." matches whatever device name came before.
/// Quoted names in the text are left out too, so a message written without the name ("iTunes could not back
/// up the iPhone because…") matches the dialog that shows one ("…the iPhone "Hanako's iPhone" because…").
/// </summary>
internal sealed class MessageMatcher
{
    private const int MaxGap = 200;
    private const int MinFragmentLength = 4;
    private const int MaxQuotedName = 80;

    private readonly string _normalized;
    private readonly int[] _lineOf;
    private readonly int[] _columnOf;

    public MessageMatcher(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lines = new List<int>(text.Length);
        var columns = new List<int>(text.Length);
        var line = 1;
        var column = 1;
        var skip = QuotedNames(text);
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            if (rune.Value == '\n')
            {
                line++;
                column = 1;
                continue;
            }

            if (skip[at])
            {
                column += rune.Utf16SequenceLength;
                continue;
            }

            foreach (var c in NormalizeRune(rune))
            {
                builder.Append(c);
                lines.Add(line);
                columns.Add(column);
            }

            column += rune.Utf16SequenceLength;
        }

        _normalized = builder.ToString();
        _lineOf = [.. lines];
        _columnOf = [.. columns];
    }

    /// <summary>
    /// The first place the message occurs: its line and column, whether it matched without gaps, and its span in
    /// the normalized text (to prefer the longer of two overlapping messages). Null when absent; messages made
    /// only of wildcards never match.
    /// </summary>
    public MessageMatch? Find(string message)
    {
        var fragments = Fragments(message);
        if (fragments.Count == 0)
        {
            return null;
        }

        var start = 0;
        while (true)
        {
            var first = _normalized.IndexOf(fragments[0], start, StringComparison.Ordinal);
            if (first < 0)
            {
                return null;
            }

            if (RestFollows(fragments, first + fragments[0].Length, out var end))
            {
                return new MessageMatch(_lineOf[first], _lineOf[end - 1], _columnOf[first], fragments.Count == 1, first, end);
            }

            start = first + 1;
        }
    }

    private bool RestFollows(IReadOnlyList<string> fragments, int position, out int end)
    {
        end = position;
        for (var i = 1; i < fragments.Count; i++)
        {
            var next = _normalized.IndexOf(fragments[i], position, StringComparison.Ordinal);
            if (next < 0 || next - position > MaxGap)
            {
                return false;
            }

            position = next + fragments[i].Length;
        }

        end = position;
        return true;
    }

    /// <summary>Marks every character of a double-quoted stretch (straight or curly quotes, one line, at most 80 characters), quotes included.</summary>
    private static bool[] QuotedNames(string text)
    {
        var skip = new bool[text.Length];
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                open = -1;
            }
            else if (c is '"' or '“' or '”' or '＂')
            {
                if (open >= 0 && i - open <= MaxQuotedName)
                {
                    Array.Fill(skip, true, open, i - open + 1);
                    open = -1;
                }
                else
                {
                    open = i;
                }
            }
        }

        return skip;
    }

    /// <summary>The literal parts of a message, in order; ellipses and quoted names are the gaps between them.</summary>
    internal static IReadOnlyList<string> Fragments(string message)
    {
        var normalized = Normalize(message).TrimEnd('.', '。', '!', '！');
        var parts = new List<string>();
        foreach (var piece in normalized.Split("..."))
        {
            var quoted = piece.Split('"');
            for (var i = 0; i < quoted.Length; i += 2)
            {
                // Even pieces are outside quotes; odd ones are the names inside them.
                parts.Add(quoted[i]);
            }
        }

        var kept = parts.Where(p => p.Length >= MinFragmentLength).ToList();
        return kept;
    }

    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(NormalizeRune(rune));
        }

        return builder.ToString();
    }

    private static string NormalizeRune(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return string.Empty;
        }

        switch (rune.Value)
        {
            case '“' or '”' or '„' or '″' or '＂':
                return "\"";
            case '‘' or '’' or '′':
                return "'";
        }

        var text = rune.ToString().Normalize(NormalizationForm.FormKC);
        return text.ToLowerInvariant();
    }
}

/// <summary>Where a message was found; <see cref="Start"/> and <see cref="End"/> index the normalized text.</summary>
internal sealed record MessageMatch(int Line, int EndLine, int Column, bool Exact, int Start, int End)
{
    /// <summary>True when <paramref name="other"/> covers this match and is longer: this one is the less specific wording.</summary>
    public bool IsInside(MessageMatch other) => other.Start <= Start && End <= other.End && other.End - other.Start > End - Start;
}
