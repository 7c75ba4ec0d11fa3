using System.Text;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// Finds the knowledge base's messages in pasted text however it was pasted: Unicode NFKC (full-width
/// brackets and digits, "…" → "..."), one kind of quote, no whitespace at all (Japanese text gains and loses
/// spaces around brackets), case folded. An ellipsis in a message stands for any text, and so does a quoted
/// name ("iPhone "Name""), so "…because the iPhone disconnected." matches whatever device name came before.
/// </summary>
internal sealed class MessageMatcher
{
    private const int MaxGap = 200;
    private const int MinFragmentLength = 4;

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
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                line++;
                column = 1;
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

    /// <summary>The (line, column) of the first place the message occurs, or null. Wildcard-only messages never match.</summary>
    public (int Line, int Column, bool Exact)? Find(string message)
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

            if (RestFollows(fragments, first + fragments[0].Length))
            {
                return (_lineOf[first], _columnOf[first], fragments.Count == 1);
            }

            start = first + 1;
        }
    }

    private bool RestFollows(IReadOnlyList<string> fragments, int position)
    {
        for (var i = 1; i < fragments.Count; i++)
        {
            var next = _normalized.IndexOf(fragments[i], position, StringComparison.Ordinal);
            if (next < 0 || next - position > MaxGap)
            {
                return false;
            }

            position = next + fragments[i].Length;
        }

        return true;
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
