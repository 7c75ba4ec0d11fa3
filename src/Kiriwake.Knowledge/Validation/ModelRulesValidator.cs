using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Reading;

namespace Kiriwake.Knowledge.Validation;

/// <summary>
/// The rules that decide what a person is told to do, checked per symptom (issue 9):
/// <list type="bullet">
/// <item><b>Precedence</b>: <c>after</c> names steps that exist, without cycles; within a symptom, an action of high
/// or data-loss risk comes after every lower-risk action of the symptom that fixes one of the same causes (the risk
/// ladder of both documents: low risk before high risk).</item>
/// <item><b>Escalation coverage</b>: every escalation lists the causes it serves (Apple cannot lift an organisation's
/// restriction), and every cause of a symptom is served by one of its escalations.</item>
/// <item><b>Consent wiring</b>: every data-loss step needs owner-consent and backup-verified; a symptom with such
/// steps has a question that says whose device it is and a step that makes a verified backup; a step that needs
/// not-managed has the question whether the device is managed.</item>
/// </list>
/// </summary>
internal sealed class ModelRulesValidator(KnowledgeContent content, ProblemLog log)
{
    public void Validate()
    {
        var actions = content.Actions.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var questions = content.Questions.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ValidatePrecedenceReferences(actions, questions);
        ValidateAnswers(actions);
        ValidateEscalations();
        foreach (var symptom in content.Symptoms)
        {
            var own = symptom.ActionIds.Where(actions.ContainsKey).Select(id => actions[id]).ToList();
            var asked = symptom.QuestionIds.Where(questions.ContainsKey).Select(id => questions[id]).ToList();
            ValidateLadder(symptom, own, actions);
            ValidateEscalationCoverage(symptom);
            ValidateConsentWiring(symptom, own, asked);
        }
    }

    private void ValidatePrecedenceReferences(Dictionary<string, TroubleshootingAction> actions, Dictionary<string, Question> questions)
    {
        foreach (var action in content.Actions)
        {
            foreach (var id in action.After.Where(id => !actions.ContainsKey(id) && !questions.ContainsKey(id)))
            {
                log.At(action, action.Id, $"after names '{id}', which is neither an action nor a question");
            }

            if (action.After.Contains(action.Id, StringComparer.Ordinal))
            {
                log.At(action, action.Id, "an action cannot come after itself");
            }
        }

        // Cycles make a step wait for itself.
        foreach (var action in content.Actions)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(action.After);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (string.Equals(id, action.Id, StringComparison.Ordinal))
                {
                    log.At(action, action.Id, "precedence cycle: this action waits, through its after list, for itself");
                    break;
                }

                if (seen.Add(id) && actions.TryGetValue(id, out var next))
                {
                    foreach (var p in next.After)
                    {
                        stack.Push(p);
                    }
                }
            }
        }
    }

    private void ValidateAnswers(Dictionary<string, TroubleshootingAction> actions)
    {
        foreach (var question in content.Questions)
        {
            foreach (var answer in question.Answers)
            {
                foreach (var id in answer.RulesOut.Where(id => !actions.ContainsKey(id)))
                {
                    log.At(question, question.Id, $"answer '{answer.Id}' rules out '{id}', which is not an action");
                }

                foreach (var gate in answer.Opens)
                {
                    var key = GateFactKey(gate);
                    if (question.Fact is null || !string.Equals(question.Fact.Key, key, StringComparison.Ordinal))
                    {
                        log.At(question, question.Id, $"answer '{answer.Id}' opens {EnumNames.ToKebab(gate)}, so the question must be bound to the fact '{key}'");
                    }
                }
            }
        }
    }

    private void ValidateEscalations()
    {
        foreach (var escalation in content.Escalations.Where(e => e.Covers.Count == 0))
        {
            log.At(escalation, escalation.Id, "an escalation lists the causes it serves (covers); none serves every cause");
        }
    }

    /// <summary>Low risk before high risk: within the symptom, a high or data-loss action waits (directly or through
    /// other actions) for each lower-risk action that fixes one of its causes.</summary>
    private void ValidateLadder(Symptom symptom, List<TroubleshootingAction> own, Dictionary<string, TroubleshootingAction> all)
    {
        var ids = own.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var high in own.Where(a => a.Risk is Risk.High or Risk.DataLoss))
        {
            var before = Predecessors(high, all);
            var causes = high.Fixes.Where(f => f.P > 0).Select(f => f.CauseId).ToHashSet(StringComparer.Ordinal);
            foreach (var low in own.Where(a => a.Risk < high.Risk && a.Opens is null && ids.Contains(a.Id)))
            {
                if (low.Fixes.Any(f => f.P > 0 && causes.Contains(f.CauseId)) && !before.Contains(low.Id))
                {
                    log.At(high, high.Id, $"risk ladder ({symptom.Id}): {EnumNames.ToKebab(high.Risk)} step must come after the {EnumNames.ToKebab(low.Risk)}-risk '{low.Id}', which fixes one of the same causes (add it to after)");
                }
            }
        }
    }

    private static HashSet<string> Predecessors(TroubleshootingAction action, Dictionary<string, TroubleshootingAction> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(action.After);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (seen.Add(id) && all.TryGetValue(id, out var next))
            {
                foreach (var p in next.After)
                {
                    stack.Push(p);
                }
            }
        }

        return seen;
    }

    private void ValidateEscalationCoverage(Symptom symptom)
    {
        var escalations = symptom.EscalationIds.Select(id => content.Escalations.FirstOrDefault(e => e.Id == id)).OfType<Escalation>().ToList();
        foreach (var prior in symptom.Prior.Where(p => p.P > 0))
        {
            if (!escalations.Any(e => e.Covers.Count == 0 || e.Covers.Contains(prior.CauseId, StringComparer.Ordinal)))
            {
                log.At(symptom, symptom.Id, $"cause '{prior.CauseId}' is served by none of this symptom's escalations");
            }
        }
    }

    private void ValidateConsentWiring(Symptom symptom, List<TroubleshootingAction> own, List<Question> asked)
    {
        foreach (var action in own.Where(a => a.Risk == Risk.DataLoss && !a.Gates.Contains(Gate.OwnerConsent)))
        {
            log.At(action, action.Id, "a data-loss step must require the owner-consent gate (someone else's device needs its owner's consent)");
        }

        var needs = own.SelectMany(a => a.Risk == Risk.DataLoss ? a.Gates.Append(Gate.BackupVerified) : a.Gates).ToHashSet();
        if (needs.Contains(Gate.BackupVerified) && !own.Any(a => a.Opens == Gate.BackupVerified))
        {
            log.At(symptom, symptom.Id, "a step of this symptom needs a verified backup, but none of its actions makes one (opens: backup-verified)");
        }

        foreach (var gate in new[] { Gate.OwnerConsent, Gate.NotManaged }.Where(needs.Contains))
        {
            if (!asked.Any(q => q.Answers.Any(a => a.Opens.Contains(gate))))
            {
                log.At(symptom, symptom.Id, $"a step of this symptom needs {EnumNames.ToKebab(gate)}, but none of its questions has an answer that opens it");
            }
        }
    }

    private static string GateFactKey(Gate gate) => gate switch
    {
        Gate.BackupVerified => Core.Facts.FactKeys.BackupVerified,
        Gate.OwnerConsent => Core.Facts.FactKeys.DeviceOwner,
        _ => Core.Facts.FactKeys.DeviceManaged,
    };
}
