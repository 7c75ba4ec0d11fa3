using System.Globalization;
using System.Text;

namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Cuts a search query into words and gives each word the other ways a person or the documents say it (in
/// both languages). Words are folded like <see cref="TextNormalizer.Fold"/>; the groups are a short table of
/// the FAQ's own vocabulary, not a general thesaurus.
/// </summary>
public static class SearchWords
{
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "my", "me", "is", "are", "am", "do", "does", "did", "to", "of", "for", "on", "in", "it", "and", "or",
        "what", "how", "why", "can", "should", "will", "if", "when", "with", "be", "was", "were", "about", "iphone", "ipad",
    };

    // Each group: words that mean the same here. A query word found in a group searches for every member.
    private static readonly string[][] s_groups =
    [
        ["forget", "forgot", "forgotten", "forgetting", "忘れ"],
        ["password", "passcode", "パスワード", "パスコード"],
        ["lose", "lost", "loss", "losing", "erase", "erased", "delete", "deleted", "wipe", "wiped", "disappear", "消え", "消去", "消す", "失"],
        ["data", "データ"],
        ["full", "short", "enough", "insufficient", "space", "いっぱい", "不足", "足り", "満杯", "容量"],
        ["storage", "容量", "ストレージ"],
        ["difference", "different", "differ", "vs", "versus", "compare", "違い"],
        ["recovery", "リカバリー", "リカバリ"],
        ["dfu"],
        ["restore", "restored", "restoring", "復元"],
        ["update", "updated", "updating", "アップデート"],
        ["backup", "backups", "back up", "backing up", "backed up", "バックアップ"],
        ["photo", "photos", "picture", "pictures", "写真"],
        ["often", "frequency", "frequently", "how often", "頻度"],
        ["safe", "safer", "safest", "secure", "安全"],
        ["check", "confirm", "verify", "確認"],
        ["stuck", "slow", "progress", "progressing", "frozen", "進まない", "止ま"],
        ["contain", "contains", "include", "includes", "inside", "含ま"],
        ["encrypted", "encryption", "encrypt", "暗号化"],
        ["computer", "pc", "mac", "パソコン", "コンピュータ"],
        ["use", "using", "操作"],
        ["nothing", "anything", "何をやっても"],
        ["fail", "failed", "fails", "failing", "error", "失敗", "できない", "エラー"],
    ];

    private static readonly Dictionary<string, string[]> s_byWord = BuildIndex();

    /// <summary>The query's words, each with its alternatives (folded); particles and function words left out.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Split(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = new List<IReadOnlyList<string>>();
        foreach (var piece in Pieces(query.Normalize(NormalizationForm.FormKC).ToLowerInvariant()))
        {
            if (s_stopWords.Contains(piece))
            {
                continue;
            }

            var alternatives = s_byWord.TryGetValue(piece, out var group) ? group
                : s_byWord.TryGetValue(Stem(piece), out group) ? group
                : [piece];
            if (!words.Any(w => w.SequenceEqual(alternatives)))
            {
                words.Add(alternatives);
            }
        }

        return words;
    }

    /// <summary>English words; in Japanese, runs of katakana (with ー) and of kanji; hiragana (particles, endings) only when a piece is nothing else.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        foreach (var piece in text.Split([' ', '\u3000', '\t', ',', '、', '。', '?', '？', '!', '/', '・'], StringSplitOptions.RemoveEmptyEntries))
        {
            // A phrase the table knows whole ("how often", 「何をやっても」) is one word.
            if (s_byWord.ContainsKey(piece))
            {
                yield return piece;
                continue;
            }

            var runs = Runs(piece).ToList();
            var meaningful = runs.Where(r => r.Script != Script.Hiragana).ToList();
            foreach (var run in meaningful.Count > 0 ? meaningful : runs)
            {
                if (run.Text.Length > 0)
                {
                    yield return run.Text;
                }
            }
        }
    }

    private static IEnumerable<(Script Script, string Text)> Runs(string piece)
    {
        var builder = new StringBuilder();
        Script? current = null;
        foreach (var c in piece)
        {
            var script = ScriptOf(c);
            if (script == Script.Other)
            {
                if (current is { } done && builder.Length > 0)
                {
                    yield return (done, builder.ToString());
                }

                builder.Clear();
                current = null;
                continue;
            }

            if (current is { } previous && previous != script)
            {
                yield return (previous, builder.ToString());
                builder.Clear();
            }

            current = script;
            builder.Append(c);
        }

        if (current is { } last && builder.Length > 0)
        {
            yield return (last, builder.ToString());
        }
    }

    private static Script ScriptOf(char c) => c switch
    {
        _ when char.IsAsciiLetterOrDigit(c) => Script.Latin,
        >= '\u3041' and <= '\u309F' => Script.Hiragana,
        (>= '\u30A0' and <= '\u30FF') or 'ー' => Script.Katakana,
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter => Script.Kanji,
        _ => Script.Other,
    };

    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ing", "ed", "es", "s" })
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static Dictionary<string, string[]> BuildIndex()
    {
        var index = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in s_groups)
        {
            var folded = group.Select(TextNormalizer.Fold).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var word in group)
            {
                index.TryAdd(word, folded);
            }
        }

        return index;
    }

    private enum Script
    {
        Latin,
        Hiragana,
        Katakana,
        Kanji,
        Other,
    }
}
