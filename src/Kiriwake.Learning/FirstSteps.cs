using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;

namespace Kiriwake.Learning;

/// <summary>The engine's first step of each symptom when nothing is known yet, and where an overlay changes it.</summary>
public static class FirstSteps
{
    /// <summary>The first step's id, or null when the symptom cannot be modelled or the engine proposes nothing.</summary>
    public static string? Of(KnowledgeBase kb, string symptomId)
    {
        ArgumentNullException.ThrowIfNull(kb);
        try
        {
            var model = new CompiledModel(ModelFlattener.Flatten(kb, symptomId));
            return new EnginePolicy(model, GateState.Initial).Choose(model.Start()) is { } step ? model.Describe(step).Id : null;
        }
        catch (TroubleshootingModelException)
        {
            return null;
        }
    }

    /// <summary>Every symptom (sorted by id) whose first step differs between the two knowledge bases.</summary>
    public static IReadOnlyList<FirstStepChange> Changes(KnowledgeBase before, KnowledgeBase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FirstStepChange>();
        foreach (var id in before.Symptoms.Keys.Order(StringComparer.Ordinal))
        {
            var was = Of(before, id);
            var now = Of(after, id);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new FirstStepChange(id, was, now));
            }
        }

        return changes;
    }
}
