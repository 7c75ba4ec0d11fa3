using Kiriwake.Web.Helpdesk.Accounts;

namespace Kiriwake.Web.Helpdesk.Api;

/// <summary>The helpdesk's account API: who am I (any role), the account list and role changes (admin only).</summary>
public static class AccountsApi
{
    public sealed record RoleChange(string? Role);

    public static void MapHelpdeskAccountsApi(this WebApplication app)
    {
        app.MapGet("/api/helpdesk/me", (HttpContext context) => Results.Ok(new
        {
            name = context.User.Identity?.Name,
            role = HelpdeskRoles.All.FirstOrDefault(context.User.IsInRole),
        })).RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);

        app.MapGet("/api/helpdesk/users", async (HelpdeskAccounts accounts, CancellationToken ct) =>
            Results.Ok((await accounts.ListAsync(ct)).Select(u => new { name = u.Name, role = u.Role, lockedOut = u.LockedOut })))
            .RequireAuthorization(HelpdeskSetup.AdminPolicy);

        app.MapPut("/api/helpdesk/users/{name}/role", async (string name, RoleChange change, HttpContext context, HelpdeskAccounts accounts, CancellationToken ct) =>
        {
            if (change.Role is null || !HelpdeskRoles.IsKnown(change.Role))
            {
                return Results.Problem(statusCode: 400, detail: "role must be agent, technician or admin / 役割は agent・technician・admin のどれかです");
            }

            return await accounts.SetRoleAsync(name, change.Role, context.User.Identity?.Name ?? "", ct)
                ? Results.NoContent()
                : Results.Problem(statusCode: 404, detail: $"no account named {name} / {name} というアカウントはありません");
        }).RequireAuthorization(HelpdeskSetup.AdminPolicy);
    }
}
