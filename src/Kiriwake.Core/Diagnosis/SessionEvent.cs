namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// One entry of a session's event log. The log is the session: replaying it re-derives the belief, the gates
/// and the transcript, so a session saved after every event loses no answer when the process is killed.
/// </summary>
public abstract record SessionEvent(DateTimeOffset At)
{
    /// <summary>Who made the event, for the helpdesk's audit: the person (the default), a helpdesk agent, a technician, or an evidence reader.</summary>
    public EventActor Actor { get; init; } = EventActor.Person;

    /// <summary>The helpdesk account that made it (an agent's or technician's user name); null for the person and readers.</summary>
    public string? By { get; init; }
}

/// <summary>Who made an event.</summary>
public enum EventActor
{
    Person,
    Technician,
    EvidenceReader,

    /// <summary>A helpdesk agent continuing a handed-over session (on the phone with the person).</summary>
    Agent,
}

/// <summary>The person answered a step: a question's answer id, or <see cref="StepAnswers"/> for an action.</summary>
public sealed record StepAnswered(string StepId, string Answer, DateTimeOffset At) : SessionEvent(At);

/// <summary>Evidence (or the person) established a fact; it answers the question bound to it and opens or closes gates.</summary>
public sealed record FactRecorded(string Key, string Value, string Source, DateTimeOffset At) : SessionEvent(At)
{
    /// <summary>The fact is the person's answer to a prompt (a gate question, the platform, the device's model):
    /// <see cref="AnswerUndone"/> takes it back like an answered step.</summary>
    public bool IsAnswer { get; init; }
}

/// <summary>Takes back the last answer still in effect: a <see cref="StepAnswered"/>, or a <see cref="FactRecorded"/>
/// that answered a prompt (<see cref="FactRecorded.IsAnswer"/>).</summary>
public sealed record AnswerUndone(DateTimeOffset At) : SessionEvent(At);

/// <summary>The answers an action or escalation takes.</summary>
public static class StepAnswers
{
    public const string Fixed = "fixed";
    public const string NotFixed = "not-fixed";
    public const string Skipped = "skipped";

    /// <summary>The session was handed over (the escalation step).</summary>
    public const string Escalated = "escalated";

    public static IReadOnlyList<string> ForAction { get; } = [Fixed, NotFixed, Skipped];
}

/// <summary>A session log that does not fit its model (unknown step, answer not accepted, step answered twice).</summary>
public sealed class SessionException : Exception
{
    public SessionException()
    {
    }

    public SessionException(string message)
        : base(message)
    {
    }

    public SessionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
