namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The exact expected cost of a policy on a model (theory §5.2 step 1): the policy tree is enumerated and
/// every branch weighted by its probability — no simulation. States are memoised on their key, since the
/// policies are deterministic functions of the state.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Expected cost in minutes (risk price included) from the model's start.</summary>
    public static double ExpectedCost(CompiledModel model, IPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ExpectedCost(model.Start(), policy);
    }

    /// <summary>Expected cost from a state, per unit of probability of being there.</summary>
    public static double ExpectedCost(DiagnosisState state, IPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        if (state.Mass <= Numerics.TinyMass)
        {
            return 0;
        }

        var memo = new Dictionary<StateKey, double>();
        return Cost(state, policy, memo) / state.Mass;
    }

    private static double Cost(DiagnosisState state, IPolicy policy, Dictionary<StateKey, double> memo)
    {
        var mass = state.Mass;
        if (mass <= Numerics.TinyMass)
        {
            return 0;
        }

        if (memo.TryGetValue(state.Key, out var known))
        {
            return known;
        }

        var model = state.Model;
        var cost = 0.0;
        switch (policy.Choose(state))
        {
            case null:
                break;
            case { Kind: StepKind.Escalation }:
                cost = model.Escalation!.Cost * mass;
                break;
            case { Kind: StepKind.Action, Index: var a }:
                if (state.IsActionUsed(a))
                {
                    throw new InvalidOperationException($"the policy chose action '{model.ActionIds[a]}' twice");
                }

                cost = (model.ActionCost[a] * mass) + (model.RepairCost[a] * state.FixMass(a)) + Cost(state.AfterFailure(a), policy, memo);
                break;
            case { Kind: StepKind.Question, Index: var q }:
                if (state.IsQuestionAnswered(q))
                {
                    throw new InvalidOperationException($"the policy asked question '{model.QuestionIds[q]}' twice");
                }

                cost = model.QuestionCost[q] * mass;
                for (var ans = 0; ans < model.Likelihood[q].Length; ans++)
                {
                    if (state.AnswerMass(q, ans) > Numerics.TinyMass)
                    {
                        cost += Cost(state.AfterAnswer(q, ans), policy, memo);
                    }
                }

                break;
        }

        memo[state.Key] = cost;
        return cost;
    }
}
