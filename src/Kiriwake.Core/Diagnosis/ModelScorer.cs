namespace Kiriwake.Core.Diagnosis;

/// <summary>The exact expected costs of a model's policies (minutes, risk price included); null when not computed.</summary>
/// <param name="Policy">The engine's policy (exact solver where feasible, greedy elsewhere).</param>
/// <param name="Greedy">The greedy policy alone (the fallback), for comparison.</param>
/// <param name="Optimal">The optimal policy, when exact search finished within its budget.</param>
/// <param name="Authored">The model's authoredOrder, if it has one.</param>
/// <param name="Items">Actions plus questions of the model.</param>
/// <param name="ExactStoppedByMemory">The exact search reached its memory bound: the engine used the greedy policy
/// for the rest, and the optimum was not computed.</param>
public sealed record ModelScore(string Id, double Policy, double Greedy, double? Optimal, double? Authored, StepRef? FirstStep, int Items, bool ExactStoppedByMemory = false);

/// <summary>Scores a model the way `kiriwake kb eval` and the benchmarks report it. A symptom is scored from the
/// session <see cref="Kiriwake.Core.Conversation.SymptomSession"/> opens — the same facts, gates and policy as `kiriwake diagnose` — and the
/// authored order under the same gates. A model file (no facts) is scored with its gates open.</summary>
public static class ModelScorer
{
    /// <summary>Budget of the offline optimum (expanded states); enough for models of about 16 items.</summary>
    public const long DefaultOptimalBudget = 2_000_000;

    /// <summary>Beyond this many actions and questions exact search is not attempted (2^20 action subsets alone).</summary>
    public const int MaxOptimalItems = 20;

    /// <summary>Scores the policy of a session from where it stands (its facts answered, its gates as they are).</summary>
    public static ModelScore Score(DiagnosisSession session, long optimalBudget = DefaultOptimalBudget)
    {
        ArgumentNullException.ThrowIfNull(session);
        var compiled = session.Model;
        var gates = session.Snapshot.Gates;
        var start = session.Snapshot.State;
        var engine = session.Policy;
        var policy = PolicyEvaluator.ExpectedCost(start, engine);
        var greedy = PolicyEvaluator.ExpectedCost(start, new GreedyPolicy(compiled, gates, engine.Options));
        var items = compiled.ActionCount + compiled.QuestionCount;
        double? optimal = items <= MaxOptimalItems && new ExactSolver(compiled, gates).TrySolve(start, optimalBudget, out var exact)
            ? exact.ExpectedCost
            : null;
        double? authored = AuthoredOrderPolicy.ForModel(compiled, gates) is { } a ? PolicyEvaluator.ExpectedCost(start, a) : null;
        var first = engine.Choose(start) is { } f ? compiled.Describe(f) : null;
        return new ModelScore(compiled.Source.Id, policy, greedy, optimal, authored, first, items);
    }

    public static ModelScore Score(TroubleshootingModel model, EngineOptions? options = null, long optimalBudget = DefaultOptimalBudget)
    {
        var compiled = new CompiledModel(model);
        var gates = GateState.AllOpen;
        var engine = new EnginePolicy(compiled, gates, options);
        var policy = PolicyEvaluator.ExpectedCost(compiled, engine);
        var greedy = PolicyEvaluator.ExpectedCost(compiled, new GreedyPolicy(compiled, gates, options));
        var items = compiled.ActionCount + compiled.QuestionCount;
        var optimalSolver = new ExactSolver(compiled, gates);
        double? optimal = items <= MaxOptimalItems && optimalSolver.TrySolve(compiled.Start(), optimalBudget, out var exact)
            ? exact.ExpectedCost
            : null;
        double? authored = AuthoredOrderPolicy.ForModel(compiled, gates) is { } a ? PolicyEvaluator.ExpectedCost(compiled, a) : null;
        var first = engine.Choose(compiled.Start()) is { } f ? compiled.Describe(f) : null;
        return new ModelScore(model.Id, policy, greedy, optimal, authored, first, items, engine.Exact.MemoryExhausted || optimalSolver.MemoryExhausted);
    }
}
