namespace Kiriwake.Web.Helpdesk.Accounts;

/// <summary>The three helpdesk roles of the 4013 document's checklists, plus the admin who manages accounts.</summary>
public static class HelpdeskRoles
{
    public const string Agent = "agent";
    public const string Technician = "technician";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Technician, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
