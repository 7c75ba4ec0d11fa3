using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The one way a diagnosis of a symptom starts, for `kiriwake diagnose` and for `kiriwake kb eval` alike: the
/// symptom's model, a session holding the facts known up front (they answer the questions bound to them and open
/// or close the gates), and the engine's policy under those gates. Scoring this session scores the policy a person
/// actually gets with the same facts.
/// </summary>
public static class SymptomSession
{
    /// <param name="at">When the facts were recorded (any fixed instant where no clock is involved).</param>
    public static DiagnosisSession Open(
        KnowledgeBase kb, string symptomId, IEnumerable<KeyValuePair<string, string>> facts, DateTimeOffset at, EngineOptions? options = null, string source = "fact")
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(facts);
        var model = new CompiledModel(ModelFlattener.Flatten(kb, symptomId));
        var session = new DiagnosisSession(model, options);
        foreach (var (key, value) in facts)
        {
            session.RecordFact(key, value, source, at);
        }

        return session;
    }
}
