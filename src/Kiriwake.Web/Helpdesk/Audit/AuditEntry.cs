namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>What a caller asks to be audited; <see cref="AuditLog"/> adds the time, the position and the hashes.</summary>
/// <param name="Actor">The account's user name, or "person" / "system".</param>
/// <param name="Action">What happened, e.g. "sign-in".</param>
/// <param name="CaseCode">The case it concerns, if any.</param>
/// <param name="Detail">Compact JSON details (never a password or pasted text).</param>
public sealed record AuditEntry(string Actor, string Action, string? CaseCode = null, string Detail = "{}");
