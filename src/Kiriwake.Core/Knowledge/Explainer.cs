using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kiriwake.Core.Knowledge;

/// <summary>Explains an error code or a pasted dialog from the knowledge base alone (no engine state).</summary>
public static partial class Explainer
{
    private const double ResemblanceThreshold = 0.6;
    private const int MinimumMessageLength = 6;

    [GeneratedRegex(@"^\s*(?<code>-?\d{1,6})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareCode();

    [GeneratedRegex(@"\(\s*(?<code>-?\d{1,6})\s*\)|(?:error\s*code|errorcode|error|エラーコード|エラー|code|コード)\s*[:：#]?\s*(?<code>-?\d{1,6})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CodeInText();

    public static Explanation Explain(KnowledgeBase knowledge, string query)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(query);
        var numbers = FindCodes(query);
        var codes = new List<CodeMatch>();
        var unknown = new List<UnknownCode>();
        foreach (var number in numbers)
        {
            var known = knowledge.Content.ErrorCodes.Where(c => c.Code == number).ToList();
            codes.AddRange(known.Select(c => new CodeMatch(c, CausesOf(knowledge, c), c.FirstSteps)));
            if (known.Count == 0)
            {
                unknown.Add(new UnknownCode(number, knowledge.Content.ErrorCodeRanges.Where(r => r.From <= number && number <= r.To).ToList()));
            }
        }

        var symptoms = MatchSymptoms(knowledge, query, codes);
        return new Explanation(query, codes, symptoms, unknown);
    }

    /// <summary>Every error number in the text: a bare number, "(4013)", "error 4013", "エラー4013", "ErrorCode 105".</summary>
    public static IReadOnlyList<int> FindCodes(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var bare = BareCode().Match(normalized);
        if (bare.Success)
        {
            return [int.Parse(bare.Groups["code"].Value, CultureInfo.InvariantCulture)];
        }

        return CodeInText().Matches(normalized)
            .Select(m => int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
    }

    private static List<SymptomMatch> MatchSymptoms(KnowledgeBase knowledge, string query, List<CodeMatch> codes)
    {
        var folded = TextNormalizer.Fold(query);
        var result = new Dictionary<string, SymptomMatch>(StringComparer.Ordinal);
        foreach (var symptom in knowledge.Content.Symptoms)
        {
            var best = (Message: (LocalizedText?)null, Score: 0.0);
            foreach (var message in symptom.Messages)
            {
                foreach (var text in new[] { message.Ja, message.En })
                {
                    var score = Resemblance(folded, TextNormalizer.Fold(text));
                    if (score > best.Score)
                    {
                        best = (message, score);
                    }
                }
            }

            if (best.Score >= ResemblanceThreshold)
            {
                result[symptom.Id] = new SymptomMatch(symptom, best.Message, best.Score, CausesOf(knowledge, symptom), FirstSteps(knowledge, symptom));
            }
        }

        // A code found in the text leads to its symptoms too, ranked after the message matches.
        foreach (var symptomId in codes.SelectMany(c => c.Code.SymptomIds).Distinct(StringComparer.Ordinal))
        {
            if (!result.ContainsKey(symptomId) && knowledge.Symptoms.TryGetValue(symptomId, out var symptom))
            {
                result[symptomId] = new SymptomMatch(symptom, null, 0, CausesOf(knowledge, symptom), FirstSteps(knowledge, symptom));
            }
        }

        // On equal scores the longer matched message is the more specific symptom.
        return result.Values
            .OrderByDescending(m => m.Score)
            .ThenByDescending(m => m.Message is null ? 0 : Math.Max(m.Message.Ja.Length, m.Message.En.Length))
            .ThenBy(m => m.Symptom.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static double Resemblance(string foldedQuery, string foldedMessage)
    {
        if (foldedMessage.Length < MinimumMessageLength || foldedQuery.Length < MinimumMessageLength)
        {
            return foldedQuery == foldedMessage && foldedQuery.Length > 0 ? 1 : 0;
        }

        if (foldedQuery.Contains(foldedMessage, StringComparison.Ordinal) || foldedMessage.Contains(foldedQuery, StringComparison.Ordinal))
        {
            return 1;
        }

        // The shorter text's pairs found in the longer: a dialog pasted with a typo or another bracket style.
        return foldedQuery.Length <= foldedMessage.Length
            ? TextNormalizer.BigramOverlap(foldedQuery, foldedMessage)
            : TextNormalizer.BigramOverlap(foldedMessage, foldedQuery);
    }

    private static List<RankedCause> CausesOf(KnowledgeBase knowledge, ErrorCode code)
    {
        var prior = code.SymptomIds.Select(id => knowledge.Symptoms.GetValueOrDefault(id)).OfType<Symptom>().FirstOrDefault()?.Prior;
        return code.CauseIds
            .Where(knowledge.Causes.ContainsKey)
            .Select(id => new RankedCause(knowledge.Causes[id], prior?.FirstOrDefault(p => p.CauseId == id)?.P))
            .OrderByDescending(c => c.P ?? -1)
            .ToList();
    }

    private static List<RankedCause> CausesOf(KnowledgeBase knowledge, Symptom symptom) =>
        symptom.Prior
            .Where(p => knowledge.Causes.ContainsKey(p.CauseId))
            .OrderByDescending(p => p.P)
            .Select(p => new RankedCause(knowledge.Causes[p.CauseId], p.P))
            .ToList();

    /// <summary>The symptom's three most efficient safe actions under its prior: P(fix)/cost, data-loss and high-risk steps excluded.</summary>
    private static List<string> FirstSteps(KnowledgeBase knowledge, Symptom symptom) =>
        symptom.ActionIds
            .Select(id => knowledge.Actions.GetValueOrDefault(id))
            .OfType<TroubleshootingAction>()
            .Where(a => a.Risk is Risk.None or Risk.Low)
            .Select(a => (a.Id, Efficiency: symptom.Prior.Sum(p => p.P * (a.Fixes.FirstOrDefault(f => f.CauseId == p.CauseId)?.P ?? 0)) / a.CostMinutes))
            .Where(a => a.Efficiency > 0)
            .OrderByDescending(a => a.Efficiency)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(a => a.Id)
            .ToList();
}
