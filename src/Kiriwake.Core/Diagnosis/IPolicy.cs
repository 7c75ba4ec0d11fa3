namespace Kiriwake.Core.Diagnosis;

/// <summary>A troubleshooting policy: the next step in a state, or none when it stops (fixed, escalated,
/// or nothing useful is left). Policies are deterministic functions of the state.</summary>
public interface IPolicy
{
    StepChoice? Choose(DiagnosisState state);
}

/// <summary>How the engine chose a step.</summary>
public enum DecisionMethod
{
    /// <summary>The exact solver: optimal from here on.</summary>
    Exact,

    /// <summary>Updating P-over-C with an exact escalation cut and myopic value of information.</summary>
    Greedy,

    /// <summary>A fixed order (a document's own), used for comparison.</summary>
    Authored,
}

/// <param name="ExpectedCost">Expected cost from this state on, per unit of probability of being here (minutes).</param>
public sealed record EngineDecision(StepChoice? Choice, DecisionMethod Method, double ExpectedCost);

/// <summary>The engine's knobs. Defaults follow the theory reference §6.3/§6.4.</summary>
/// <param name="MaxExactItems">The exact solver runs when at most this many useful actions and questions remain.</param>
/// <param name="ExactNodeBudget">Time box of the exact solver, counted in expanded states (no clock in Core).</param>
/// <param name="MaxCutEnumeration">Plans up to this length get the escalation cut by exact enumeration of subsets
/// (branch and bound, capped by <see cref="RepairPlanner.CutNodeBudget"/>); longer ones by local search.</param>
/// <param name="SmallModelItems">A model with at most this many actions and questions in all is solved exactly from its
/// start, with <paramref name="SmallModelBudget"/>: the two computer-backup symptoms (14–16 steps) were greedy until
/// 12 useful steps remained and up to 5 % above the optimum there (docs/learning.md); larger models keep
/// <paramref name="MaxExactItems"/> and <paramref name="ExactNodeBudget"/>.</param>
public sealed record EngineOptions(
    int MaxExactItems = 12,
    long ExactNodeBudget = 100_000,
    int MaxCutEnumeration = 24,
    int SmallModelItems = 16,
    long SmallModelBudget = 500_000)
{
    public static EngineOptions Default { get; } = new();

    /// <summary>Greedy only: the policy the exact solver falls back to.</summary>
    public static EngineOptions GreedyOnly { get; } = new(MaxExactItems: -1, SmallModelItems: -1);
}
