namespace Kiriwake.Learning.Cases;

/// <summary>
/// One case as a learner sees it: the symptom, the steps in the order they were answered, and the cause when a
/// technician confirmed it. <see cref="Source"/> and <see cref="Line"/> say where it was read, for errors.
/// </summary>
/// <param name="Outcome">fixed, escalated, unresolved or in-progress, as the report says; null when it does not say.</param>
public sealed record ClosedCase(
    string Source,
    int Line,
    string SymptomId,
    IReadOnlyList<CaseStep> Steps,
    string? ConfirmedCause,
    string? Outcome)
{
    /// <summary>A case still in progress says less than it will: it is not learned from.</summary>
    public bool IsClosed => !string.Equals(Outcome, "in-progress", StringComparison.Ordinal);

    public string Where => $"{Source}:{Line}";
}

/// <summary>One answered step: a question's answer id, or fixed / not-fixed / skipped / escalated.</summary>
public sealed record CaseStep(string StepId, string Answer);
