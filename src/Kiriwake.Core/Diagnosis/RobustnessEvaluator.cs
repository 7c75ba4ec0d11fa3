namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// How a policy built on the model's priors fares when the true priors differ (theory §5.2): each prior is multiplied
/// by a factor drawn log-uniformly from [1/<see cref="Spread"/>, <see cref="Spread"/>] and the result renormalised; the
/// policy still decides from the model's belief (it cannot know the truth), and its exact expected cost is computed
/// under the true priors. Seeded, so every figure can be reproduced.
/// </summary>
public static class RobustnessEvaluator
{
    /// <summary>The factor's range: between 1/3 and 3 (issue 9).</summary>
    public const double Spread = 3;

    /// <summary>The model with priors redrawn as described, from a seeded <paramref name="random"/> stream.</summary>
    public static TroubleshootingModel PerturbPriors(TroubleshootingModel model, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(random);
        var scaled = model.Causes.Select(c => c.Prior * Math.Exp((random.NextDouble() * 2 - 1) * Math.Log(Spread))).ToArray();
        var sum = scaled.Sum();
        return model with { Causes = model.Causes.Select((c, i) => c with { Prior = scaled[i] / sum }).ToArray() };
    }

    /// <summary>Expected cost (minutes per session) under <paramref name="truth"/> of a policy that decides on the
    /// model it believes (same steps, other priors), from the start.</summary>
    public static double ExpectedCostUnderTruth(CompiledModel truth, BelievedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return PolicyEvaluator.ExpectedCost(truth, policy);
    }
}

/// <summary>A policy that decides on the believed model whatever model the states come from: the state with the same
/// observations is rebuilt on the believed model and handed to the policy (decisions are cached by observations).</summary>
public sealed class BelievedPolicy : IPolicy
{
    private readonly CompiledModel _believed;
    private readonly IPolicy _policy;
    private readonly Dictionary<StateKey, StepChoice?> _cache = [];

    public BelievedPolicy(CompiledModel believed, IPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(believed);
        ArgumentNullException.ThrowIfNull(policy);
        _believed = believed;
        _policy = policy;
    }

    public StepChoice? Choose(DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!_cache.TryGetValue(state.Key, out var choice))
        {
            choice = _policy.Choose(DiagnosisState.FromKey(_believed, state.Key));
            _cache[state.Key] = choice;
        }

        return choice;
    }
}
