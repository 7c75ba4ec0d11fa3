using System.Buffers;
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

    private static readonly string[] s_ascii = Enumerable.Range(0, 128)
        .Select(c => ((char)c).ToString().ToLowerInvariant())
        .ToArray();

    private readonly string _normalized;

    // For each normalized character, the index of the original character it came from; line starts of the
    // original text give line and column by binary search (one int per character, not three).
    private readonly int[] _originalIndex;
    private readonly List<int> _lineStarts = [0];

    public MessageMatcher(string text)
    {
        var builder = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        var skip = QuotedNames(text);
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            if (rune.Value == '\n')
            {
                _lineStarts.Add(index);
                continue;
            }

            if (skip[at])
            {
                continue;
            }

            foreach (var c in NormalizeRune(rune))
            {
                builder.Append(c);
                origin.Add(at);
            }
        }

        _normalized = builder.ToString();
        _originalIndex = [.. origin];
    }

    /// <summary>
    /// The first place the message occurs: its line and column, whether it matched without gaps, and its span in
    /// the normalized text (to prefer the longer of two overlapping messages). Null when absent; messages made
    /// only of wildcards never match.
    /// </summary>
    public MessageMatch? Find(string message) => Find(Fragments(message), 0);

    /// <summary>
    /// <see cref="Find(string)"/> for many messages at once. One vectorised pass over the text finds where any
    /// message's first part occurs; only messages whose first part is present are then searched for in full,
    /// so a long log costs one scan instead of one per message.
    /// </summary>
    public IReadOnlyList<MessageMatch?> FindAll(IReadOnlyList<string> messages)
    {
        var fragments = messages.Select(Fragments).ToList();
        var firsts = fragments.Where(f => f.Count > 0).Select(f => f[0]).Distinct(StringComparer.Ordinal).ToArray();
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        if (firsts.Length > 0)
        {
            var any = SearchValues.Create(firsts, StringComparison.Ordinal);
            var text = _normalized.AsSpan();
            var offset = 0;
            while (firstAt.Count < firsts.Length)
            {
                var hit = text[offset..].IndexOfAny(any);
                if (hit < 0)
                {
                    break;
                }

                var at = offset + hit;
                foreach (var first in firsts)
                {
                    if (!firstAt.ContainsKey(first) && text[at..].StartsWith(first, StringComparison.Ordinal))
                    {
                        firstAt[first] = at;
                    }
                }

                offset = at + 1;
            }
        }

        return fragments.Select(f => f.Count > 0 && firstAt.TryGetValue(f[0], out var at) ? Find(f, at) : null).ToList();
    }

    private MessageMatch? Find(IReadOnlyList<string> fragments, int start)
    {
        if (fragments.Count == 0)
        {
            return null;
        }

        while (true)
        {
            var first = _normalized.IndexOf(fragments[0], start, StringComparison.Ordinal);
            if (first < 0)
            {
                return null;
            }

            if (RestFollows(fragments, first + fragments[0].Length, out var end))
            {
                var (line, column) = Position(_originalIndex[first]);
                return new MessageMatch(line, Position(_originalIndex[end - 1]).Line, column, fragments.Count == 1, first, end);
            }

            start = first + 1;
        }
    }

    private (int Line, int Column) Position(int originalIndex)
    {
        var found = _lineStarts.BinarySearch(originalIndex);
        var lineIndex = found >= 0 ? found : ~found - 1;
        return (lineIndex + 1, originalIndex - _lineStarts[lineIndex] + 1);
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

        // Logs are mostly ASCII: no allocation for those characters.
        if (rune.IsAscii)
        {
            return s_ascii[rune.Value];
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
