using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Bench.Learning;

/// <summary>
/// The engine planned on one model (the knowledge base's, or a learned one) acting in another with the same steps
/// (the truth): each state of the truth is replayed on the planning model — the same failures, skips and answers —
/// and the planner chooses there. This is how a policy's expected cost under the truth is computed exactly.
/// </summary>
internal sealed class TransferredPolicy : IPolicy
{
    private readonly EnginePolicy _planner;

    public TransferredPolicy(EnginePolicy planner, CompiledModel truth)
    {
        _planner = planner;
        if (!planner.Model.ActionIds.SequenceEqual(truth.ActionIds) || !planner.Model.QuestionIds.SequenceEqual(truth.QuestionIds))
        {
            throw new ArgumentException("the planning model and the truth must have the same steps", nameof(truth));
        }
    }

    public StepChoice? Choose(DiagnosisState state) => _planner.Choose(OnPlanner(state));

    private DiagnosisState OnPlanner(DiagnosisState truthState)
    {
        var model = _planner.Model;
        var s = model.Start();
        for (var a = 0; a < model.ActionCount; a++)
        {
            if (truthState.IsActionFailed(a))
            {
                s = s.AfterFailure(a);
            }
            else if (truthState.IsActionUsed(a))
            {
                s = s.AfterSkip(a);
            }
        }

        for (var q = 0; q < model.QuestionCount; q++)
        {
            if (truthState.AnswerOf(q) is var answer and >= 0)
            {
                s = s.AfterAnswer(q, answer);
            }
        }

        return s;
    }
}
