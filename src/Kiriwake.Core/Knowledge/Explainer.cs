namespace Kiriwake.Core.Knowledge;

/// <summary>
/// What a matched code or symptom means in the knowledge base: its likely causes in order and the first safe
/// steps. The text is matched elsewhere (Evidence's TextMatcher, one matcher for every front end); this is the
/// knowledge side of an explanation, with no engine state.
/// </summary>
public static class Explainer
{
    /// <summary>An explanation of the codes and symptoms a matcher found, in the matcher's order.</summary>
    public static Explanation Explain(
        KnowledgeBase knowledge,
        string query,
        IEnumerable<ErrorCode> codes,
        IEnumerable<(Symptom Symptom, LocalizedText? Message, double Confidence)> symptoms,
        IEnumerable<UnknownCode> unknownCodes)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(symptoms);
        ArgumentNullException.ThrowIfNull(unknownCodes);
        return new Explanation(
            query,
            codes.Distinct().Select(c => ForCode(knowledge, c)).ToList(),
            symptoms.Select(s => ForSymptom(knowledge, s.Symptom, s.Message, s.Confidence)).ToList(),
            unknownCodes.ToList());
    }

    /// <summary>A listed code with its causes (ordered by its first symptom's prior) and first steps.</summary>
    public static CodeMatch ForCode(KnowledgeBase knowledge, ErrorCode code)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(code);
        return new CodeMatch(code, CausesOf(knowledge, code), code.FirstSteps);
    }

    /// <summary>A symptom with its causes by prior and its three most efficient safe steps.</summary>
    public static SymptomMatch ForSymptom(KnowledgeBase knowledge, Symptom symptom, LocalizedText? message, double confidence)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(symptom);
        return new SymptomMatch(symptom, message, confidence, CausesOf(knowledge, symptom), FirstSteps(knowledge, symptom));
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
