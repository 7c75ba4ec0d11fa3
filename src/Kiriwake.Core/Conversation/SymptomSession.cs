using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>
/// The one way a diagnosis of a symptom starts, for the conversation (`kiriwake diagnose`, the web) and for
/// `kiriwake kb eval` alike: the symptom's compiled model, the engine's shared policies, and the session's events
/// so far (facts known up front answer the questions bound to them and open or close the gates). Scoring such a
/// session scores the policy a person actually gets with the same facts.
/// </summary>
public static class SymptomSession
{
    /// <summary>Opens the session of <paramref name="symptomId"/> over its event log (empty for a new session).</summary>
    /// <exception cref="KeyNotFoundException">No such symptom.</exception>
    /// <exception cref="SessionException">An event does not fit the model.</exception>
    public static DiagnosisSession Open(KnowledgeModels models, string symptomId, IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(events);
        return new DiagnosisSession(models.Model(symptomId), models.Policies, models.Options, events);
    }

    /// <summary>Opens a new session with facts known up front (evaluation: no conversation, no actors).</summary>
    /// <param name="at">When the facts were recorded (any fixed instant where no clock is involved).</param>
    public static DiagnosisSession Open(
        KnowledgeBase kb, string symptomId, IEnumerable<KeyValuePair<string, string>> facts, DateTimeOffset at, EngineOptions? options = null, string source = "fact")
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(facts);
        return Open(new KnowledgeModels(kb, options), symptomId, facts.Select(f => new FactRecorded(f.Key, f.Value, source, at)).ToArray());
    }
}
