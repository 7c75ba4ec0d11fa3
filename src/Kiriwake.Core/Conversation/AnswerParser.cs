using System.Globalization;
using System.Text;

namespace Kiriwake.Core.Conversation;

/// <summary>
/// Reads what a person typed as one of a prompt's choices: its number (1, ２), はい/いいえ or yes/no/y/n in any
/// case and width, the label itself (or the start of it, when only one label starts so), or the choice's value.
/// </summary>
public static class AnswerParser
{
    private static readonly string[] s_yes = ["はい", "ハイ", "yes", "y", "ok", "うん", "ええ", "そう", "できた", "直った", "なおった", "fixed"];
    private static readonly string[] s_no = ["いいえ", "イイエ", "no", "n", "いや", "ない", "だめ", "ダメ", "直らない", "なおらない"];

    /// <summary>Values that stand for "yes" or "no" on a step whose choices are not literally yes/no.</summary>
    private static readonly string[] s_yesValues = ["yes", "fixed", "backup-verified", "true"];
    private static readonly string[] s_noValues = ["no", "not-fixed", "false"];

    /// <returns>The chosen choice, or null when the text names none of them (or several).</returns>
    public static AnswerChoice? Parse(string? input, IReadOnlyList<AnswerChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = Normalize(input);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(text.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= choices.Count ? choices[n - 1] : null;
        }

        if (Single(choices, c => Normalize(c.Value) == text || Normalize(c.Label) == text) is { } exact)
        {
            return exact;
        }

        if (s_yes.Any(y => Normalize(y) == text) && Single(choices, c => s_yesValues.Contains(c.Value, StringComparer.Ordinal)) is { } yes)
        {
            return yes;
        }

        if (s_no.Any(y => Normalize(y) == text) && Single(choices, c => s_noValues.Contains(c.Value, StringComparer.Ordinal)) is { } no)
        {
            return no;
        }

        // Typing the start of a label ("いいえ" for "いいえ、DFUに入らない") picks it when only one label starts so.
        return text.Length >= 2 ? Single(choices, c => Normalize(c.Label).StartsWith(text, StringComparison.Ordinal)) : null;
    }

    /// <summary>Full width to half width (NFKC), lower case, trimmed, without trailing 。 or a full stop.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        return folded.TrimEnd('。', '!', '！').Trim();
    }

    private static AnswerChoice? Single(IReadOnlyList<AnswerChoice> choices, Func<AnswerChoice, bool> match)
    {
        AnswerChoice? found = null;
        foreach (var c in choices)
        {
            if (!match(c))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = c;
        }

        return found;
    }
}
