using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// The parts of the knowledge base the analyzer maps findings with: error codes by (domain, code), number
/// ranges, and every message (of symptoms and of error codes) in both languages.
/// </summary>
internal sealed class KnowledgeIndex
{
    // A code the table does not list but whose range names a class: the symptoms of the class's listed codes
    // are plausible, not certain.
    private const double ClassOnlyFactor = 0.6;

    private readonly KnowledgeBase _knowledge;
    private readonly Dictionary<(ErrorDomain, int), ErrorCode> _codes;

    public KnowledgeIndex(KnowledgeBase knowledge)
    {
        _knowledge = knowledge;
        _codes = [];
        foreach (var code in knowledge.Content.ErrorCodes)
        {
            _codes.TryAdd((code.Domain, code.Code), code);
        }

        Messages = [.. SymptomMessages(knowledge), .. CodeMessages(knowledge)];
    }

    /// <summary>Every message with what it identifies: a symptom, or an error code.</summary>
    public IReadOnlyList<KnownMessage> Messages { get; }

    /// <summary>What a code means and points to. The guessed domain is tried first, then the other one.</summary>
    public CodeMapping Map(ErrorDomain domain, int code, bool domainCertain)
    {
        var other = domain == ErrorDomain.Restore ? ErrorDomain.Backup : ErrorDomain.Restore;
        if (_codes.TryGetValue((domain, code), out var entry) || (!domainCertain && _codes.TryGetValue((other, code), out entry)))
        {
            return new CodeMapping(entry.Domain, entry.Meaning, entry.SymptomIds, OrderCauses(entry.CauseIds, entry.SymptomIds), 1.0);
        }

        var range = _knowledge.Content.ErrorCodeRanges.FirstOrDefault(r => r.Domain == domain && code >= r.From && code <= r.To);
        if (range is null)
        {
            return new CodeMapping(domain, null, [], [], 0.5);
        }

        var sameClass = _knowledge.Content.ErrorCodes.Where(c => c.Domain == domain && string.Equals(c.Class, range.Class, StringComparison.Ordinal)).ToList();
        var symptoms = sameClass.SelectMany(c => c.SymptomIds).GroupBy(s => s, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var causes = sameClass.SelectMany(c => c.CauseIds).GroupBy(s => s, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        return new CodeMapping(domain, range.Meaning, symptoms, causes, ClassOnlyFactor);
    }

    /// <summary>A symptom's causes by its prior, most likely first.</summary>
    public IReadOnlyList<string> CausesOf(string symptomId) =>
        _knowledge.Symptoms.TryGetValue(symptomId, out var symptom)
            ? symptom.Prior.OrderByDescending(p => p.P).Select(p => p.CauseId).ToList()
            : [];

    // The code's own cause list keeps its order, but causes its symptom ranks higher come first among equals.
    private IReadOnlyList<string> OrderCauses(IReadOnlyList<string> causeIds, IReadOnlyList<string> symptomIds)
    {
        var prior = symptomIds.SelectMany(s => _knowledge.Symptoms.TryGetValue(s, out var symptom) ? symptom.Prior : [])
            .GroupBy(p => p.CauseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(p => p.P), StringComparer.Ordinal);
        return causeIds.Select((id, index) => (id, index))
            .OrderByDescending(x => prior.GetValueOrDefault(x.id))
            .ThenBy(x => x.index)
            .Select(x => x.id)
            .ToList();
    }

    private static IEnumerable<KnownMessage> SymptomMessages(KnowledgeBase knowledge) =>
        from symptom in knowledge.Content.Symptoms
        from message in symptom.Messages
        from text in new[] { message.Ja, message.En }
        where !string.IsNullOrWhiteSpace(text)
        select new KnownMessage(text, message, symptom.Id, null);

    private static IEnumerable<KnownMessage> CodeMessages(KnowledgeBase knowledge) =>
        from code in knowledge.Content.ErrorCodes
        from message in code.Messages
        from text in new[] { message.Ja, message.En }
        where !string.IsNullOrWhiteSpace(text)
        select new KnownMessage(text, message, null, code);
}

/// <summary>One wording of a known message and what it identifies (a symptom or an error code).</summary>
internal sealed record KnownMessage(string Text, LocalizedText Both, string? SymptomId, ErrorCode? Code);

/// <summary>Where a code leads; <see cref="ConfidenceFactor"/> lowers the finding's confidence when the code is only known by its range, or not at all.</summary>
internal sealed record CodeMapping(ErrorDomain Domain, LocalizedText? Meaning, IReadOnlyList<string> Symptoms, IReadOnlyList<string> Causes, double ConfidenceFactor);
