namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>
/// A person's diagnosis session handed over to the helpdesk. The session's log stays the conversation (the person,
/// agents and technicians answer in it); the case keeps a copy of it (<see cref="Log"/>), refreshed on every helpdesk
/// change, so that a case outlives its session's expiry. Closing stores the report as it was then.
/// </summary>
public sealed class HelpdeskCase
{
    /// <summary>The code the person reads out on the phone: 8 characters of <see cref="CaseCodes.Alphabet"/>, no dash.</summary>
    public string Code { get; set; } = "";

    /// <summary>The person's session (one case per session).</summary>
    public string SessionId { get; set; } = "";

    public string SymptomId { get; set; } = "";

    /// <summary>"ja" or "en": the language the person started in; the closing report is written in it.</summary>
    public string Language { get; set; } = "ja";

    /// <summary><see cref="CaseStatus"/>: open, waiting (for the person) or closed.</summary>
    public string Status { get; set; } = CaseStatus.Open;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The account that closed it.</summary>
    public string? ClosedBy { get; set; }

    /// <summary><see cref="CaseOutcomes"/>: fixed or escalated (null while open).</summary>
    public string? Outcome { get; set; }

    /// <summary>The step that fixed it, or the escalation it was handed to.</summary>
    public string? ResolvedBy { get; set; }

    /// <summary>The cause the technician confirmed, when known.</summary>
    public string? ConfirmedCause { get; set; }

    /// <summary><see cref="EscalationTargets"/>: apple, repair-shop or device-administrator (escalated cases only).</summary>
    public string? EscalatedTo { get; set; }

    /// <summary>The acceptance criteria ticked at closing (JSON array of ids).</summary>
    public string? Acceptance { get; set; }

    /// <summary>The session's event log (kiriwake-session/1) as of the last helpdesk change.</summary>
    public string Log { get; set; } = "";

    /// <summary>The report at closing: exactly what `kiriwake diagnose --format json` prints, compact.</summary>
    public string? Report { get; set; }
}

/// <summary>Where a case stands.</summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string Waiting = "waiting";
    public const string Closed = "closed";
}

/// <summary>How a case was closed.</summary>
public static class CaseOutcomes
{
    public const string Fixed = "fixed";
    public const string Escalated = "escalated";
}

/// <summary>Whom an escalated case went to.</summary>
public static class EscalationTargets
{
    public const string Apple = "apple";
    public const string RepairShop = "repair-shop";
    public const string DeviceAdministrator = "device-administrator";

    public static readonly IReadOnlyList<string> All = [Apple, RepairShop, DeviceAdministrator];
}
