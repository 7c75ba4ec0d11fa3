using System.Security.Claims;
using Kiriwake.Web.Helpdesk.Audit;
using Microsoft.AspNetCore.Identity;

namespace Kiriwake.Web.Helpdesk.Accounts;

/// <summary>
/// Maps an identity the organisation's provider vouched for to an existing helpdesk account and its role. Nobody
/// gets an account by signing in: an identity with no account, a locked account or no role is refused, and every
/// refusal and sign-in is audited.
/// </summary>
public sealed class OpenIdAccountMatcher(OpenIdSignInSettings settings, UserManager<HelpdeskUser> users, HelpdeskAccounts accounts, AuditLog audit)
{
    public const string Method = "openid-connect";

    /// <summary>The account to sign in, or null with the refusal audited.</summary>
    public async Task<HelpdeskUser?> MatchAsync(ClaimsPrincipal identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var issuer = identity.FindFirst("iss")?.Value ?? settings.Authority.ToString();
        var claimed = identity.FindFirst(settings.UserClaim)?.Value?.Trim();
        var user = claimed is not { Length: > 0 } ? null
            : settings.UserClaim == "email" ? await users.FindByEmailAsync(claimed) ?? await users.FindByNameAsync(claimed)
            : await users.FindByNameAsync(claimed);
        if (user is null)
        {
            return await RefuseAsync("unknown-identity", "unknown", claimed, issuer, cancellationToken);
        }

        var name = user.UserName ?? "";
        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync("locked-out", name, claimed, issuer, cancellationToken);
        }

        var stored = (await users.GetRolesAsync(user)).FirstOrDefault(HelpdeskRoles.IsKnown);
        var role = settings.RoleClaim is { } roleClaim ? RoleFromClaims(identity, roleClaim) : stored;
        if (role is null)
        {
            return await RefuseAsync("no-role", name, claimed, issuer, cancellationToken);
        }

        if (role != stored)
        {
            // The organisation's directory decides the role: the account follows it (audited as a role change).
            await accounts.SetRoleAsync(name, role, Method, cancellationToken);
            user = await users.FindByIdAsync(user.Id) ?? user;
        }

        await audit.AppendAsync(new AuditEntry(name, "sign-in", Detail: HelpdeskAccounts.Json(new { method = Method, issuer, role })), cancellationToken);
        return user;
    }

    /// <summary>The strongest role the identity's claims grant (admin, then technician, then agent), or null.</summary>
    private string? RoleFromClaims(ClaimsPrincipal identity, string roleClaim)
    {
        var values = identity.FindAll(roleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new[] { HelpdeskRoles.Admin, HelpdeskRoles.Technician, HelpdeskRoles.Agent }
            .FirstOrDefault(r => settings.Roles.TryGetValue(r, out var value) && values.Contains(value));
    }

    private async Task<HelpdeskUser?> RefuseAsync(string reason, string actor, string? claimed, string issuer, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEntry(actor, "sign-in-failed",
            Detail: HelpdeskAccounts.Json(new { method = Method, reason, issuer, identity = claimed })), cancellationToken);
        return null;
    }
}
