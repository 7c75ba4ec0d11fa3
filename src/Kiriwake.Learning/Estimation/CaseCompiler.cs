using Kiriwake.Core.Diagnosis;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Learning.Estimation;

/// <summary>
/// Checks closed cases against the knowledge base (symptom, steps, answers, confirmed cause) and turns each into
/// its likelihood factors. Every problem is collected, with the file and line of the case.
/// </summary>
internal static class CaseCompiler
{
    public static List<CompiledCase> Compile(ParameterSpace space, IReadOnlyList<ClosedCase> cases, List<string> problems)
    {
        var models = new Dictionary<string, CompiledModel?>(StringComparer.Ordinal);
        var result = new List<CompiledCase>();
        foreach (var c in cases)
        {
            if (!models.TryGetValue(c.SymptomId, out var model))
            {
                try
                {
                    model = new CompiledModel(ModelFlattener.Flatten(space.Kb, c.SymptomId));
                }
                catch (TroubleshootingModelException ex)
                {
                    problems.Add($"{c.Where}: symptom '{c.SymptomId}' cannot be modelled: {ex.Message}");
                    model = null;
                }

                models[c.SymptomId] = model;
            }

            if (model is not null && Compile(space, model, c, problems) is { } compiled)
            {
                result.Add(compiled);
            }
        }

        return result;
    }

    private static CompiledCase? Compile(ParameterSpace space, CompiledModel model, ClosedCase c, List<string> problems)
    {
        var before = problems.Count;
        var s = space.SymptomIndex(c.SymptomId);
        var causes = space.SymptomCauses[s];
        var confirmed = -1;
        if (c.ConfirmedCause is { } cause)
        {
            confirmed = Array.IndexOf(causes, cause);
            if (confirmed < 0)
            {
                problems.Add($"{c.Where}: the confirmed cause '{cause}' is not a cause of symptom '{c.SymptomId}' ({string.Join(", ", causes)})");
            }
        }

        var actions = new List<ActionObservation>();
        var answers = new List<AnswerObservation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ended = false;
        foreach (var step in c.Steps)
        {
            if (ended)
            {
                problems.Add($"{c.Where}: step '{step.StepId}' comes after the case was fixed or handed over");
                break;
            }

            if (!model.TryFindStep(step.StepId, out var choice))
            {
                problems.Add($"{c.Where}: '{step.StepId}' is not a step of symptom '{c.SymptomId}'");
                continue;
            }

            if (!seen.Add(step.StepId))
            {
                problems.Add($"{c.Where}: step '{step.StepId}' is answered twice");
                continue;
            }

            switch (choice.Kind)
            {
                case StepKind.Question:
                    var ids = model.AnswerIds[choice.Index];
                    var answer = IndexOf(ids, step.Answer);
                    if (answer < 0)
                    {
                        problems.Add($"{c.Where}: question '{step.StepId}' takes {string.Join(", ", ids)}, not '{step.Answer}'");
                        continue;
                    }

                    answers.Add(new AnswerObservation(causes.Select(k => space.AnswerIndex(step.StepId, k)).ToArray(), answer));
                    break;
                case StepKind.Action when model.Actions[choice.Index].IsEscalation:
                    ended = true;
                    break;
                case StepKind.Action:
                    switch (step.Answer)
                    {
                        case StepAnswers.Fixed:
                        case StepAnswers.NotFixed:
                            var fixedIt = step.Answer == StepAnswers.Fixed;
                            ended = fixedIt;
                            actions.Add(new ActionObservation(causes.Select(k => space.FixIndex(step.StepId, k)).ToArray(), fixedIt));
                            break;
                        case StepAnswers.Skipped:
                            break;
                        default:
                            problems.Add($"{c.Where}: action '{step.StepId}' takes fixed, not-fixed or skipped, not '{step.Answer}'");
                            break;
                    }

                    break;
                default:
                    ended = true;
                    break;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var fixedBy = actions.Where(a => a.Fixed).ToArray();
        if (fixedBy.Length > 0 && fixedBy[0].FixParameter.All(p => p < 0))
        {
            problems.Add($"{c.Where}: the step that fixed it cannot fix any cause of symptom '{c.SymptomId}' in the knowledge base");
            return null;
        }

        return new CompiledCase(s, confirmed, actions.ToArray(), answers.ToArray());
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
