namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// What the engine's policy costs in a world whose probabilities are other than it believes (docs/learning.md,
/// "Checking a learned overlay against a true world"): the engine decides on the believed model — the knowledge base,
/// with or without a learned overlay — while every branch is weighted by the true probabilities. Besides it, the engine
/// planned on the truth itself and the truth's optimum (exact search, where feasible), so that a gap can be read as
/// "what learning could still win" and "what no learning can win with this engine".
/// </summary>
/// <param name="Engine">Expected minutes per session under the truth of the engine as it believes.</param>
/// <param name="EngineOnTruth">The same for the engine planned on the true probabilities.</param>
/// <param name="Optimal">The truth's optimum, or null where exact search is not feasible.</param>
public sealed record TruthScore(string Id, double Engine, double EngineOnTruth, double? Optimal, StepRef? FirstStep, StepRef? FirstStepOnTruth, int Items)
{
    /// <summary>How far the engine as it believes is above the optimum, as a fraction (0.02 = 2 %).</summary>
    public double? GapToOptimal => Optimal is { } o && o > 0 ? (Engine - o) / o : null;

    /// <summary>How far even the engine planned on the truth is above the optimum.</summary>
    public double? EngineOnTruthGap => Optimal is { } o && o > 0 ? (EngineOnTruth - o) / o : null;
}

public static class TruthScorer
{
    /// <summary>Scores <paramref name="believed"/>'s policy from where <paramref name="truth"/> stands. Both sessions
    /// must be of the same symptom with the same facts: the same steps, other probabilities.</summary>
    /// <exception cref="ArgumentException">The two models do not have the same steps.</exception>
    public static TruthScore Score(DiagnosisSession believed, DiagnosisSession truth, long optimalBudget = ModelScorer.DefaultOptimalBudget)
    {
        ArgumentNullException.ThrowIfNull(believed);
        ArgumentNullException.ThrowIfNull(truth);
        var model = truth.Model;
        if (!believed.Model.ActionIds.SequenceEqual(model.ActionIds) || !believed.Model.QuestionIds.SequenceEqual(model.QuestionIds)
            || believed.Model.CauseIds.Count != model.CauseIds.Count)
        {
            throw new ArgumentException($"'{believed.Model.Source.Id}' and '{model.Source.Id}' do not have the same steps and causes", nameof(truth));
        }

        var start = truth.Snapshot.State;
        var engine = PolicyEvaluator.ExpectedCost(start, new BelievedPolicy(believed.Model, believed.Policy));
        var onTruth = PolicyEvaluator.ExpectedCost(start, truth.Policy);
        var items = model.ActionCount + model.QuestionCount;
        double? optimal = items <= ModelScorer.MaxOptimalItems && new ExactSolver(model, truth.Snapshot.Gates).TrySolve(start, optimalBudget, out var exact)
            ? exact.ExpectedCost
            : null;
        var first = believed.Policy.Choose(believed.Snapshot.State) is { } f ? believed.Model.Describe(f) : null;
        var firstOnTruth = truth.Policy.Choose(start) is { } t ? model.Describe(t) : null;
        return new TruthScore(model.Source.Id, engine, onTruth, optimal, first, firstOnTruth, items);
    }
}
