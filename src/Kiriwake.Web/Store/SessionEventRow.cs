namespace Kiriwake.Web.Store;

/// <summary>
/// One entry of a session's append-only log. (SessionId, Sequence) is the key, so two processes appending to the
/// same session at once cannot both write the same position: one of them gets a conflict and nothing half-written.
/// </summary>
public sealed class SessionEventRow
{
    public required string SessionId { get; set; }

    public int Sequence { get; set; }

    /// <summary>"answer", "fact", "undo" (the event codec's names).</summary>
    public required string Kind { get; set; }

    /// <summary>Who gave it: "person", "evidence:log", "evidence:backup", "evidence:device" (later: agent, technician).</summary>
    public required string Actor { get; set; }

    /// <summary>The event itself as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset At { get; set; }
}
