using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>A symptom's model with what the facts already say.</summary>
/// <param name="FactAnswers">Question id → answer id, for the questions the facts answer.</param>
public sealed record FlattenedModel(TroubleshootingModel Model, GateState Gates, IReadOnlyDictionary<string, string> FactAnswers);

/// <summary>
/// Flattens the knowledge base for one symptom into a <see cref="TroubleshootingModel"/>: the symptom's prior,
/// its actions (fix probabilities restricted to the symptom's causes), its questions (likelihoods for the
/// symptom's causes, each with its fact binding) and its escalations. The cheapest escalation that covers
/// every cause is the model's service call; one that covers only some causes (the device's administrator
/// for its restrictions) becomes a step that resolves those causes and is shown as an escalation.
/// </summary>
public static class ModelFlattener
{
    public static TroubleshootingModel Flatten(KnowledgeBase kb, string symptomId)
    {
        ArgumentNullException.ThrowIfNull(kb);
        if (!kb.Symptoms.TryGetValue(symptomId, out var symptom))
        {
            throw new TroubleshootingModelException($"unknown symptom '{symptomId}'");
        }

        var problems = new List<string>();
        var causes = symptom.Prior.Select(p => new ModelCause(p.CauseId, p.P)).ToArray();
        var causeIds = causes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var actions = new List<ModelAction>();
        foreach (var id in symptom.ActionIds)
        {
            if (!kb.Actions.TryGetValue(id, out var a))
            {
                problems.Add($"symptom '{symptomId}' names unknown action '{id}'");
                continue;
            }

            var fixes = a.Fixes.Where(f => causeIds.Contains(f.CauseId))
                .GroupBy(f => f.CauseId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(f => f.P), StringComparer.Ordinal);
            actions.Add(new ModelAction(a.Id, a.CostMinutes, a.RepairCostMinutes ?? 0, fixes, a.Risk, a.Gates)
            {
                After = a.After.Where(s => symptom.ActionIds.Contains(s) || symptom.QuestionIds.Contains(s)).ToArray(),
                Opens = a.Opens,
            });
        }

        var questions = new List<ModelQuestion>();
        foreach (var id in symptom.QuestionIds)
        {
            if (!kb.Questions.TryGetValue(id, out var q))
            {
                problems.Add($"symptom '{symptomId}' names unknown question '{id}'");
                continue;
            }

            var answers = q.Answers.Select(ans => new ModelAnswer(
                ans.Id, causes.ToDictionary(c => c.Id, c => ans.P(c.Id), StringComparer.Ordinal))
            {
                RulesOut = ans.RulesOut.Where(symptom.ActionIds.Contains).ToArray(),
                Opens = ans.Opens,
            }).ToArray();
            questions.Add(new ModelQuestion(q.Id, q.CostMinutes, answers, q.Fact?.Key, q.Fact?.Answers));
        }

        ModelEscalation? service = null;
        foreach (var id in symptom.EscalationIds)
        {
            if (!kb.Escalations.TryGetValue(id, out var e))
            {
                problems.Add($"symptom '{symptomId}' names unknown escalation '{id}'");
                continue;
            }

            var covered = e.Covers.Where(causeIds.Contains).ToArray();
            if (e.Covers.Count == 0 || covered.Length == causeIds.Count)
            {
                if (service is null || e.CostMinutes < service.Cost)
                {
                    service = new ModelEscalation(e.Id, e.CostMinutes);
                }
            }
            else if (covered.Length > 0)
            {
                var fixes = covered.ToDictionary(c => c, _ => 1.0, StringComparer.Ordinal);
                actions.Add(new ModelAction(e.Id, e.CostMinutes, 0, fixes, Risk.None, [], IsEscalation: true));
            }
        }

        // Universal escalations other than the chosen one are dominated (same effect, higher cost); an authored
        // order naming one of them means the service call.
        var order = symptom.AuthoredOrder?.Select(id =>
            service is not null && kb.Escalations.TryGetValue(id, out var e) && (e.Covers.Count == 0 || e.Covers.All(causeIds.Contains)) && !actions.Any(a => a.Id == id)
                ? service.Id
                : id).ToArray();

        if (problems.Count > 0)
        {
            throw new TroubleshootingModelException(problems);
        }

        return new TroubleshootingModel(symptom.Id, causes, actions, questions, service, order);
    }

    /// <summary>The model with what the facts say: the questions they answer and the gates they open or close.</summary>
    public static FlattenedModel Flatten(KnowledgeBase kb, string symptomId, IEnumerable<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var model = Flatten(kb, symptomId);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            values[f.Key] = f.Value;
        }

        var answered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in model.Questions)
        {
            if (q.FactKey is { } key && values.TryGetValue(key, out var v) && q.FactAnswers is not null && q.FactAnswers.TryGetValue(v, out var ans))
            {
                answered[q.Id] = ans;
            }
        }

        return new FlattenedModel(model, GateState.FromFacts(values), answered);
    }

    /// <summary>The session events that put these facts into a session (the replay answers the bound questions).</summary>
    public static IReadOnlyList<SessionEvent> FactEvents(IEnumerable<Fact> facts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Select(f => (SessionEvent)new FactRecorded(f.Key, f.Value, f.Source.Kind.ToString() + ":" + f.Source.Origin, at)).ToArray();
    }
}
