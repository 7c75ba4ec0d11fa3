namespace Kiriwake.Core.Diagnosis;

public enum StepKind
{
    Question,
    Action,
    Escalation,
}

/// <summary>A step of a model by kind and id (actions, questions and escalations share one id namespace).</summary>
public sealed record StepRef(StepKind Kind, string Id);

/// <summary>A step of a compiled model by kind and canonical index (the escalation has index 0).</summary>
public readonly record struct StepChoice(StepKind Kind, int Index);
