using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Text;

/// <summary>
/// Japanese nests quotation marks as 「…『…』…」: a text that a sentence puts inside 「」 (a step's or a symptom's
/// title, which may quote a message itself) has its own 「」 turned into 『』, so that 「「前回の…」と表示される」 reads
/// 「『前回の…』と表示される」.
/// </summary>
public static class JapaneseQuotes
{
    /// <summary><paramref name="text"/> ready to be put inside 「」.</summary>
    public static string Nested(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace('「', '『').Replace('」', '』');
    }

    /// <summary><paramref name="text"/> ready to be quoted in a sentence of <paramref name="language"/> (English: as it is).</summary>
    public static string Nested(string text, Language language) => language == Language.Ja ? Nested(text) : text ?? throw new ArgumentNullException(nameof(text));
}
