namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Answers as if a given cause were the fault, for evaluation: a question gets its most likely answer under
/// that cause (ties: the first answer id), an action is fixed when P(fix | cause) ≥ 0.5, an escalation ends it.
/// </summary>
public static class SimulatedResponder
{
    public const double FixThreshold = 0.5;

    public static string Answer(CompiledModel model, StepRef step, string causeId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(step);
        if (!model.TryFindStep(step.Id, out var choice))
        {
            throw new SessionException($"unknown step '{step.Id}'");
        }

        if (!model.CauseIds.Contains(causeId, StringComparer.Ordinal))
        {
            throw new SessionException($"unknown cause '{causeId}'");
        }

        switch (choice.Kind)
        {
            case StepKind.Question:
                var question = model.Questions[choice.Index];
                return model.AnswerIds[choice.Index]
                    .OrderByDescending(id => question.Answers.First(a => string.Equals(a.Id, id, StringComparison.Ordinal)).P(causeId))
                    .First();
            case StepKind.Action:
                return model.Actions[choice.Index].FixProbability(causeId) >= FixThreshold ? StepAnswers.Fixed : StepAnswers.NotFixed;
            default:
                return StepAnswers.Escalated;
        }
    }
}
