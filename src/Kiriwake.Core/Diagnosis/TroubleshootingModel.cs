using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// One symptom's troubleshooting problem, flattened from the knowledge base or read from a model file
/// (DESIGN.md "The troubleshooting model format"): single fault, costs in minutes.
/// </summary>
/// <param name="Escalation">The service call that ends the session and resolves every fault, if any.</param>
/// <param name="AuthoredOrder">A fixed order of step ids (a document's own order) to score against.</param>
public sealed record TroubleshootingModel(
    string Id,
    IReadOnlyList<ModelCause> Causes,
    IReadOnlyList<ModelAction> Actions,
    IReadOnlyList<ModelQuestion> Questions,
    ModelEscalation? Escalation,
    IReadOnlyList<string>? AuthoredOrder);

public sealed record ModelCause(string Id, double Prior);

/// <summary>A check or fix.</summary>
/// <param name="Cost">Minutes paid whenever the action is tried.</param>
/// <param name="RepairCost">Minutes paid only when the action finds or fixes the fault (observe-then-repair).</param>
/// <param name="Fixes">P(the action fixes the fault | cause); causes not listed: 0.</param>
/// <param name="IsEscalation">A hand-over that resolves only some causes (e.g. the device's administrator):
/// scored like an action, shown as an escalation.</param>
public sealed record ModelAction(
    string Id,
    double Cost,
    double RepairCost,
    IReadOnlyDictionary<string, double> Fixes,
    Risk Risk,
    IReadOnlyList<Gate> Gates,
    bool IsEscalation = false)
{
    public double FixProbability(string causeId) => Fixes.TryGetValue(causeId, out var p) ? p : 0;

    /// <summary>Precedence: steps (actions or questions) that come first while they can still help.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>The gate this action opens once done and confirmed: while that gate is closed, the actions it
    /// holds back wait for this one instead of being left out.</summary>
    public Gate? Opens { get; init; }
}

/// <summary>A question or observation; it fixes nothing and shifts the belief.</summary>
/// <param name="FactKey">The evidence fact that answers it without asking, if any.</param>
/// <param name="FactAnswers">Fact value → answer id.</param>
public sealed record ModelQuestion(
    string Id,
    double Cost,
    IReadOnlyList<ModelAnswer> Answers,
    string? FactKey = null,
    IReadOnlyDictionary<string, string>? FactAnswers = null);

/// <summary>One answer with P(answer | cause); causes not listed: 0.</summary>
public sealed record ModelAnswer(string Id, IReadOnlyDictionary<string, double> Likelihood)
{
    public double P(string causeId) => Likelihood.TryGetValue(causeId, out var p) ? p : 0;

    /// <summary>Actions this answer rules out: never proposed after it.</summary>
    public IReadOnlyList<string> RulesOut { get; init; } = [];

    /// <summary>Gates this answer opens: while such a gate is closed, the actions it holds back wait for this answer.</summary>
    public IReadOnlyList<Gate> Opens { get; init; } = [];
}

/// <summary>The service call: it ends the session and resolves every fault.</summary>
public sealed record ModelEscalation(string Id, double Cost);
