using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>The engine's next step and why.</summary>
/// <param name="ExpectedCost">Expected minutes to the end from here if the engine's policy is followed (risk price included).</param>
/// <param name="FixProbability">This step's chance to fix the fault now (0 for a question; 1 for the escalation).</param>
/// <param name="Cost">Minutes the step takes (without the risk price).</param>
/// <param name="RepairCost">Minutes paid only if it finds the fault.</param>
/// <param name="TopCauses">The most probable causes, most probable first.</param>
/// <param name="RunnerUp">The best other first step and its expected cost, to say why not it.</param>
/// <param name="Blocked">Actions left out because a gate does not hold.</param>
public sealed record Recommendation(
    StepRef Step,
    DecisionMethod Method,
    double ExpectedCost,
    double FixProbability,
    double Cost,
    double RepairCost,
    Risk Risk,
    IReadOnlyList<CauseProbability> TopCauses,
    Alternative? RunnerUp,
    IReadOnlyList<BlockedStep> Blocked);

public sealed record CauseProbability(string CauseId, double Probability);

/// <param name="ExpectedCost">Expected minutes to the end if this step came first.</param>
public sealed record Alternative(StepRef Step, double ExpectedCost, double FixProbability);

public sealed record BlockedStep(string ActionId, IReadOnlyList<Gate> MissingGates);

/// <summary>Turns a policy decision into a <see cref="Recommendation"/>.</summary>
public static class Recommender
{
    public const int TopCauseCount = 3;

    /// <summary>How many of the most efficient actions are scored when looking for the runner-up.</summary>
    public const int RunnerUpActions = 4;

    /// <returns>null when nothing is left to do (fixed, escalated, or no useful step remains).</returns>
    public static Recommendation? Recommend(EnginePolicy policy, DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        var decision = policy.Decide(state);
        if (decision.Choice is not { } choice)
        {
            return null;
        }

        var model = policy.Model;

        // The runner-up is the best other first step by the greedy look-ahead (cheap for every option); when the
        // decision is exact, its cost is then made exact too, so both numbers shown compare like with like.
        var runnerUp = GreedyOptions(policy.Greedy, state).Where(o => o.Step != choice)
            .Select(o => (o.Step, Cost: decision.Method == DecisionMethod.Exact ? policy.Exact.OptionValue(state, o.Step, policy.ExactBudget) : o.ExpectedCost))
            .Where(o => !double.IsNaN(o.Cost))
            .Select(o => new Alternative(model.Describe(o.Step), o.Cost, FixProbability(state, o.Step)))
            .FirstOrDefault();

        var blocked = new List<BlockedStep>();
        for (var a = 0; a < model.ActionCount; a++)
        {
            if (!state.IsActionUsed(a) && !policy.Greedy.IsAllowed(a))
            {
                blocked.Add(new BlockedStep(model.ActionIds[a], policy.Gates.Missing(model.Actions[a].Risk, model.Actions[a].Gates)));
            }
        }

        var (cost, repair) = choice.Kind switch
        {
            StepKind.Action => (model.Actions[choice.Index].Cost, model.Actions[choice.Index].RepairCost),
            StepKind.Question => (model.Questions[choice.Index].Cost, 0.0),
            _ => (model.Escalation!.Cost, 0.0),
        };

        return new Recommendation(
            model.Describe(choice),
            decision.Method,
            decision.ExpectedCost,
            FixProbability(state, choice),
            cost,
            repair,
            model.RiskOf(choice),
            TopCauses(state, TopCauseCount),
            runnerUp,
            blocked.ToArray());
    }

    public static IReadOnlyList<CauseProbability> TopCauses(DiagnosisState state, int count) => TopCauses(state, state?.Belief!, count);

    public static IReadOnlyList<CauseProbability> TopCauses(DiagnosisState state, IReadOnlyList<double> belief, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(belief);
        return state.Model.CauseIds.Select((id, k) => new CauseProbability(id, belief[k]))
            .OrderByDescending(c => c.Probability).ThenBy(c => c.CauseId, StringComparer.Ordinal).Take(count).ToArray();
    }

    private static double FixProbability(DiagnosisState state, StepChoice step) => step.Kind switch
    {
        StepKind.Action => state.FixProbability(step.Index),
        StepKind.Escalation => 1,
        _ => 0,
    };

    /// <summary>Every first step scored with the greedy plan after it (one-step look-ahead), best first.</summary>
    private static IReadOnlyList<(StepChoice Step, double ExpectedCost)> GreedyOptions(GreedyPolicy greedy, DiagnosisState state)
    {
        var model = state.Model;
        var result = new List<(StepChoice, double)>();

        // The most efficient actions are the only serious contenders; scoring a few keeps a decision cheap.
        var contenders = Enumerable.Range(0, model.ActionCount).Where(a => greedy.IsUseful(state, a))
            .OrderByDescending(a => state.FixMass(a) / Math.Max(model.ActionCost[a], 1e-9)).Take(RunnerUpActions).ToArray();
        foreach (var a in contenders)
        {
            result.Add((new StepChoice(StepKind.Action, a), greedy.LookAhead(state, a) / state.Mass));
        }

        for (var q = 0; result.Count > 0 && q < model.QuestionCount; q++)
        {
            if (!state.IsQuestionAnswered(q) && GreedyPolicy.IsInformative(state, q))
            {
                result.Add((new StepChoice(StepKind.Question, q), greedy.ExpectedCostOfObservation(state, q, normalised: true)));
            }
        }

        if (model.Escalation is { } e)
        {
            result.Add((new StepChoice(StepKind.Escalation, 0), e.Cost));
        }

        return result.OrderBy(r => r.Item2).ToArray();
    }
}
