namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// A document's fixed order: each listed step in turn (questions are asked but change nothing of the order),
/// skipping steps already done and actions whose gate does not hold; when the list runs out with the fault
/// still there, the session escalates if the model has an escalation, as a person following the document
/// would call support, and otherwise ends unresolved.
/// </summary>
public sealed class AuthoredOrderPolicy : IPolicy
{
    private readonly CompiledModel _model;
    private readonly StepConstraints _constraints;
    private readonly StepChoice[] _order;

    public AuthoredOrderPolicy(CompiledModel model, IReadOnlyList<string> order, GateState gates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(order);
        _model = model;
        _constraints = new StepConstraints(model, gates);
        _order = order.Select(id => model.TryFindStep(id, out var s)
            ? s
            : throw new TroubleshootingModelException($"authoredOrder names unknown step '{id}'")).ToArray();
    }

    /// <summary>The model's own authoredOrder, or null when it has none.</summary>
    public static AuthoredOrderPolicy? ForModel(CompiledModel model, GateState gates)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Source.AuthoredOrder is { Count: > 0 } order ? new AuthoredOrderPolicy(model, order, gates) : null;
    }

    public StepChoice? Choose(DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Mass <= Numerics.TinyMass)
        {
            return null;
        }

        foreach (var step in _order)
        {
            switch (step.Kind)
            {
                case StepKind.Escalation:
                    return step;
                case StepKind.Question when !state.IsQuestionAnswered(step.Index):
                    return step;
                // Gates as for the engine (an erase waits until the backup the order makes is done); precedence and
                // answers are the engine's business, not the fixed order's.
                case StepKind.Action when _constraints.IsOpen(state.Key, step.Index, 0UL):
                    return step;
                default:
                    continue;
            }
        }

        return _model.Escalation is null ? null : new StepChoice(StepKind.Escalation, 0);
    }
}
