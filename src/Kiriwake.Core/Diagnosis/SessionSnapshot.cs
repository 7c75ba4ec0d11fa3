namespace Kiriwake.Core.Diagnosis;

public enum SessionOutcome
{
    InProgress,
    Fixed,
    Escalated,

    /// <summary>Nothing useful is left to try and no gate can be opened (a conversation's finish; replay never gives it).</summary>
    Unresolved,
}

public enum AnswerSource
{
    Person,
    Fact,
}

/// <summary>One answered step, as a report lists it.</summary>
/// <param name="FactKey">The fact that answered it, when <see cref="Source"/> is <see cref="AnswerSource.Fact"/>.</param>
public sealed record TranscriptEntry(StepRef Step, string Answer, AnswerSource Source, DateTimeOffset At, string? FactKey);

/// <summary>Everything the replay of a session log derives.</summary>
/// <param name="FixedBy">The step that fixed the fault, or the escalation that ended the session.</param>
public sealed record SessionSnapshot(
    DiagnosisState State,
    GateState Gates,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<TranscriptEntry> Transcript,
    SessionOutcome Outcome,
    StepRef? FixedBy);
