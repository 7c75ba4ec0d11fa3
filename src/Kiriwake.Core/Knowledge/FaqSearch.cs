namespace Kiriwake.Core.Knowledge;

/// <summary>Searches FAQ entries in both languages: every word of the query must be found, Japanese by character pairs.</summary>
public static class FaqSearch
{
    private const double JapaneseThreshold = 0.75;

    public static IReadOnlyList<FaqHit> Search(IReadOnlyList<FaqEntry> entries, string query)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Split(' ', '\u3000', '\t').Select(TextNormalizer.Fold).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return entries.Select(e => new FaqHit(e, 1)).ToList();
        }

        var hits = new List<FaqHit>();
        foreach (var entry in entries)
        {
            var question = TextNormalizer.Fold(entry.Question.Ja + " " + entry.Question.En);
            var all = question + TextNormalizer.Fold(entry.Answer.Ja + " " + entry.Answer.En);
            var scores = words.Select(w => Score(w, question, all)).ToList();
            if (scores.All(s => s > 0))
            {
                hits.Add(new FaqHit(entry, scores.Average()));
            }
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A word in the question counts more than one in the answer; a Japanese phrase may match by most of its pairs.</summary>
    private static double Score(string word, string question, string all)
    {
        if (question.Contains(word, StringComparison.Ordinal))
        {
            return 1;
        }

        if (all.Contains(word, StringComparison.Ordinal))
        {
            return 0.7;
        }

        var overlap = TextNormalizer.BigramOverlap(word, all);
        return word.Any(c => c > 0x2E80) && overlap >= JapaneseThreshold ? overlap * 0.6 : 0;
    }
}

public sealed record FaqHit(FaqEntry Entry, double Score);
