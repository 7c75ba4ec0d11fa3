using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kiriwake.Core.Knowledge;

/// <summary>
/// A model name as comparable words: NFKC (full width to ASCII), lower case, Japanese and English generation
/// words alike (第2世代 / 第二世代 / 2nd generation / 2nd gen → "2gen"), inch sizes alike (12.9インチ / 12.9-inch →
/// "12.9inch"), アイフォン → iphone, and "iPhone8" → "iphone 8".
/// </summary>
public static partial class ModelName
{
    // Words that tell variants of one model apart, not models: ignored when a name is compared whole.
    private static readonly HashSet<string> s_variantWords = new(StringComparer.Ordinal) { "wi", "fi", "wifi", "cellular", "china", "1tb", "2tb", "2012", "revision" };

    [GeneratedRegex(@"第\s*(?<n>[0-9一二三四五六七八九十]+)\s*世代", RegexOptions.CultureInvariant)]
    private static partial Regex JapaneseGeneration();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:st|nd|rd|th)?\s*gen(?:eration)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishGeneration();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*-?\s*(?:inch(?:es)?|インチ|型)", RegexOptions.CultureInvariant)]
    private static partial Regex Inches();

    [GeneratedRegex(@"\b(?<name>iphone|ipad|ipod|se)(?<n>\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenNumber();

    // "iPhone SE2", "SE 3": a number right after SE is its generation.
    [GeneratedRegex(@"\bse\s*(?<n>\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SeNumber();

    [GeneratedRegex(@"wi-?fi", RegexOptions.CultureInvariant)]
    private static partial Regex WiFi();

    [GeneratedRegex(@"[a-z0-9]+(?:\.[0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>The name's words, in order.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Replace("アイフォーン", " iphone ", StringComparison.Ordinal)
            .Replace("アイフォン", " iphone ", StringComparison.Ordinal)
            .Replace("アイパッド", " ipad ", StringComparison.Ordinal)
            .Replace("アイポッド", " ipod ", StringComparison.Ordinal)
            .Replace("タッチ", " touch ", StringComparison.Ordinal)
            .Replace("ミニ", " mini ", StringComparison.Ordinal)
            .Replace("プロ", " pro ", StringComparison.Ordinal)
            .Replace("エアー", " air ", StringComparison.Ordinal)
            .Replace("エア", " air ", StringComparison.Ordinal)
            .Replace("マックス", " max ", StringComparison.Ordinal)
            .Replace("プラス", " plus ", StringComparison.Ordinal);
        text = JapaneseGeneration().Replace(text, m => " " + Number(m.Groups["n"].Value) + "gen ");
        text = EnglishGeneration().Replace(text, m => " " + m.Groups["n"].Value + "gen ");
        text = Inches().Replace(text, m => " " + m.Groups["n"].Value + "inch ");
        text = SeNumber().Replace(text, m => "se " + m.Groups["n"].Value + "gen ");
        text = WiFi().Replace(text, "wifi");
        text = NameThenNumber().Replace(text, m => m.Groups["name"].Value + " " + m.Groups["n"].Value);
        return Word().Matches(text).Select(m => m.Value).ToList();
    }

    /// <summary>The words without those of a variant (Wi-Fi, Cellular, 1TB, China): the model itself.</summary>
    public static IReadOnlyList<string> Core(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Where(w => !s_variantWords.Contains(w)).ToList();
    }

    /// <summary>"iPad (9th generation, Wi-Fi + Cellular)" → "iPad (9th generation)": the name a person reads in Settings.</summary>
    public static string Short(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !name.EndsWith(')'))
        {
            return name;
        }

        var inside = name[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries)
            .Where(part => !part.StartsWith("Wi-Fi", StringComparison.Ordinal) && part is not ("China" or "1TB" or "2TB"))
            .ToList();
        var head = name[..open].TrimEnd();
        return inside.Count == 0 ? head : head + " (" + string.Join(", ", inside) + ")";
    }

    private static string Number(string digits)
    {
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        // 一 … 十九 in kanji.
        const string Kanji = "一二三四五六七八九";
        var total = 0;
        var tens = digits.IndexOf('十', StringComparison.Ordinal);
        if (tens >= 0)
        {
            total += tens == 0 ? 10 : (Kanji.IndexOf(digits[0], StringComparison.Ordinal) + 1) * 10;
            digits = digits[(tens + 1)..];
        }

        if (digits.Length == 1)
        {
            total += Kanji.IndexOf(digits[0], StringComparison.Ordinal) + 1;
        }

        return total.ToString(CultureInfo.InvariantCulture);
    }
}
