using System.Security.Claims;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Web.Helpdesk.Accounts;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>The signed-in helpdesk account acting on a case: its name and role, and the actor its answers record.</summary>
public sealed record Staff(string Name, string Role)
{
    public bool IsTechnician => Role == HelpdeskRoles.Technician;

    /// <summary>Technicians answer as technicians; agents (and admins) as helpdesk agents.</summary>
    public EventActor Actor => IsTechnician ? EventActor.Technician : EventActor.Agent;

    public static Staff Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Staff(user.Identity?.Name ?? "", HelpdeskRoles.All.FirstOrDefault(user.IsInRole) ?? "");
    }
}

/// <summary>A case action the rules do not allow (the message says why, in the staff member's language).</summary>
public sealed class CaseRuleException(string message, bool forbidden = false) : Exception(message)
{
    /// <summary>True when the role may not do this (403), false when the input is wrong (400).</summary>
    public bool Forbidden { get; } = forbidden;
}
