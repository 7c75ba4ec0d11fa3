namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>
/// One row of the append-only audit table: who did what, when, on which case. <see cref="Hash"/> chains the row
/// to the one before it (<see cref="AuditChain"/>); the database refuses UPDATE and DELETE on the table.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Position in the chain, 1, 2, 3… without gaps (the primary key: two appenders cannot fork it).</summary>
    public long Seq { get; set; }

    /// <summary>When it happened (UTC, whole microseconds so that both databases keep it exactly).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The account's user name, or "person" / "system".</summary>
    public string Actor { get; set; } = "";

    /// <summary>What happened, e.g. "sign-in", "sign-in-failed", "consent", "answer", "close", "export", "role-change".</summary>
    public string Action { get; set; } = "";

    /// <summary>The case it concerns, if any.</summary>
    public string? CaseCode { get; set; }

    /// <summary>The event's details as compact JSON (never a password or pasted text).</summary>
    public string Detail { get; set; } = "{}";

    /// <summary>The previous row's <see cref="Hash"/> (64 zeros for the first row).</summary>
    public string PrevHash { get; set; } = "";

    /// <summary>SHA-256 (hex) over this row's fields and <see cref="PrevHash"/>.</summary>
    public string Hash { get; set; } = "";
}
