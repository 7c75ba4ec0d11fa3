using System.Text;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// The tolerant tier of message matching: a pasted sentence that says what a known message says in other words
/// ("The iPhone could not be backed up because…" for "iTunes could not back up the iPhone because…"). Words
/// (English, folded and stemmed, common function words left out) and character pairs (Japanese) of a line are
/// compared with those of each message; a message counts when both sides share most of them (Dice ≥ 0.75), so
/// a sentence about iCloud storage does not pass for one about the computer's disk.
/// Only short texts are compared this way (a pasted dialog, not a whole log): logs match exactly.
/// </summary>
internal static class SimilarMessages
{
    public const int MaxLines = 200;
    public const double Threshold = 0.75;
    private const int MinTokens = 3;
    private const int WholeTextLimit = 600;

    // Confidence runs from Low at the threshold to High at identical word sets: always below an exact match.
    private const double Low = 0.6;
    private const double High = 0.8;

    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "on", "in", "of", "to", "for", "this", "that", "it", "its",
        "and", "or", "because", "there", "up", "your", "my", "with", "from", "at", "by", "as",
    };

    /// <summary>The best similar message per line (or for the whole text when it is one short paragraph), skipping lines already matched exactly.</summary>
    public static IEnumerable<(int Line, KnownMessage Message, double Confidence)> Find(string[] lines, IReadOnlyList<KnownMessage> messages, ISet<int> exactLines)
    {
        if (lines.Length > MaxLines || messages.Count == 0)
        {
            yield break;
        }

        var known = messages.Select(m => (Message: m, Tokens: Tokens(m.Text))).Where(m => m.Tokens.Count >= MinTokens).ToList();
        var units = new List<(int Line, string Text)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!exactLines.Contains(i + 1) && lines[i].Trim().Length > 0)
            {
                units.Add((i + 1, lines[i]));
            }
        }

        // A dialog pasted over two or three lines is one sentence.
        var whole = string.Join(' ', lines);
        if (lines.Length > 1 && whole.Length <= WholeTextLimit && exactLines.Count == 0)
        {
            units.Add((1, whole));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, text) in units)
        {
            var tokens = Tokens(text);
            if (tokens.Count < MinTokens)
            {
                continue;
            }

            var best = known
                .Select(k => (k.Message, Score: Dice(tokens, k.Tokens)))
                .Where(k => k.Score >= Threshold)
                .OrderByDescending(k => k.Score)
                .ThenByDescending(k => k.Message.Text.Length)
                .FirstOrDefault();
            if (best.Message is not null && seen.Add(best.Message.Text))
            {
                yield return (line, best.Message, Math.Round(Low + ((High - Low) * (best.Score - Threshold) / (1 - Threshold)), 2));
            }
        }
    }

    /// <summary>2·|shared| / (|a| + |b|).</summary>
    public static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var shared = a.Count(b.Contains);
        return a.Count + b.Count == 0 ? 0 : 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>English words (lower case, stemmed, function words left out), digits, and pairs of other characters.</summary>
    public static IReadOnlySet<string> Tokens(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var run = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c) || (c == '\'' && word.Length > 0))
            {
                FlushRun(run, tokens);
                word.Append(c);
            }
            else if (char.IsLetterOrDigit(c) && c > 0x7F)
            {
                FlushWord(word, tokens);
                run.Append(c);
            }
            else
            {
                FlushWord(word, tokens);
                FlushRun(run, tokens);
            }
        }

        FlushWord(word, tokens);
        FlushRun(run, tokens);
        return tokens;
    }

    private static void FlushWord(StringBuilder word, HashSet<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString().Replace("'s", string.Empty, StringComparison.Ordinal).Trim('\'');
        word.Clear();
        if (text.Length > 0 && !s_stopWords.Contains(text))
        {
            tokens.Add(Stem(text));
        }
    }

    private static void FlushRun(StringBuilder run, HashSet<string> tokens)
    {
        if (run.Length == 1)
        {
            tokens.Add(run.ToString());
        }

        for (var i = 0; i + 1 < run.Length; i++)
        {
            tokens.Add(run.ToString(i, 2));
        }

        run.Clear();
    }

    /// <summary>backed → back, restoring → restor, restored → restor, backups → backup: enough for a sentence said in another tense.</summary>
    internal static string Stem(string word)
    {
        foreach (var suffix in new[] { "ing", "ed", "es", "s", "e" })
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
