namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Searches FAQ entries in both languages with the words a person types: "forgot password", "DFU vs recovery",
/// "icloud full", "lose data", 「パスワード 忘れた」, 「データが消える」. The query is cut into words (English words;
/// Japanese katakana and kanji runs, particles left out), each word stands for its group of
/// <see cref="SearchWords"/> (forgot → forget, 忘れ; lose → erase, delete, 消え…), and an entry matches when every
/// word is found in its question (worth 1) or answer (worth 0.6). When no entry has every word, entries with
/// most of them are shown, ranked lower.
/// </summary>
public static class FaqSearch
{
    private const double InQuestion = 1;
    private const double InAnswer = 0.6;
    private const double PartialFactor = 0.5;

    public static IReadOnlyList<FaqHit> Search(IReadOnlyList<FaqEntry> entries, string query)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchWords.Split(query);
        if (words.Count == 0)
        {
            return string.IsNullOrWhiteSpace(query) ? entries.Select(e => new FaqHit(e, 1)).ToList() : [];
        }

        var scored = entries.Select(entry =>
        {
            var question = TextNormalizer.Fold(entry.Question.Ja + " " + entry.Question.En);
            var answer = TextNormalizer.Fold(entry.Answer.Ja + " " + entry.Answer.En);
            var scores = words.Select(w => Score(w, question, answer)).ToList();
            return (Entry: entry, Found: scores.Count(s => s > 0), Score: scores.Average());
        }).ToList();

        var all = scored.Where(s => s.Found == words.Count).Select(s => new FaqHit(s.Entry, Math.Round(s.Score, 3))).ToList();
        var hits = all.Count > 0 || words.Count < 2
            ? all
            : scored.Where(s => s.Found * 2 >= words.Count && s.Found > 0).Select(s => new FaqHit(s.Entry, Math.Round(s.Score * PartialFactor, 3))).ToList();
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id, StringComparer.Ordinal).ToList();
    }

    private static double Score(IReadOnlyList<string> alternatives, string question, string answer)
    {
        if (alternatives.Any(a => question.Contains(a, StringComparison.Ordinal)))
        {
            return InQuestion;
        }

        return alternatives.Any(a => answer.Contains(a, StringComparison.Ordinal)) ? InAnswer : 0;
    }
}

public sealed record FaqHit(FaqEntry Entry, double Score);
