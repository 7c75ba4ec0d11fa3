using System.Text.Json;
using Kiriwake.Web.Helpdesk.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Accounts;

/// <summary>Creating accounts, changing roles, signing out everywhere — each audited.</summary>
public sealed class HelpdeskAccounts(UserManager<HelpdeskUser> users, RoleManager<IdentityRole> roles, AuditLog audit)
{
    /// <summary>Creates the account with one role. Errors come back in Japanese and English; nothing is stored then.</summary>
    /// <param name="email">The address an organisation's sign-in (OpenID Connect) names this person by; optional.</param>
    public async Task<IReadOnlyList<string>> AddAsync(string name, string password, string role, string actor, CancellationToken cancellationToken, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!HelpdeskRoles.IsKnown(role))
        {
            return [$"役割は agent・technician・admin のどれかです / The role must be agent, technician or admin (not \"{role}\")"];
        }

        if (await users.FindByNameAsync(name) is not null)
        {
            return [$"{name} というアカウントはすでにあります / An account named {name} already exists"];
        }

        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && !IsPlainAddress(email))
        {
            return [$"{email} はメールアドレスの形ではありません / {email} is not an email address"];
        }

        if (email is not null && await users.FindByEmailAsync(email) is { } other)
        {
            return [$"{email} はすでにアカウント {other.UserName} のものです / {email} already belongs to the account {other.UserName}"];
        }

        await EnsureRolesAsync();
        var user = new HelpdeskUser(name) { Email = email, EmailConfirmed = email is not null };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(Describe).ToList();
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return added.Errors.Select(e => e.Description).ToList();
        }

        await audit.AppendAsync(new AuditEntry(actor, "user-added", Detail: Json(new { user = name, role, email })), cancellationToken);
        return [];
    }

    /// <summary>Gives the account exactly this role (an admin's work).</summary>
    public async Task<bool> SetRoleAsync(string name, string role, string actor, CancellationToken cancellationToken)
    {
        if (!HelpdeskRoles.IsKnown(role) || await users.FindByNameAsync(name) is not { } user)
        {
            return false;
        }

        await EnsureRolesAsync();
        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, role);

        // A changed role must not live on in cookies issued before.
        await users.UpdateSecurityStampAsync(user);
        await audit.AppendAsync(new AuditEntry(actor, "role-change", Detail: Json(new { user = name, from = before, to = role })), cancellationToken);
        return true;
    }

    /// <summary>Every sign-in cookie of this account stops working on its next request, on every server.</summary>
    public async Task SignOutEverywhereAsync(HelpdeskUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.AppendAsync(new AuditEntry(user.UserName ?? "", "sign-out-everywhere"), cancellationToken);
    }

    public async Task<IReadOnlyList<(string Name, string Role, bool LockedOut)>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var list = new List<(string, string, bool)>();
        foreach (var user in all)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            list.Add((user.UserName ?? "", role, await users.IsLockedOutAsync(user)));
        }

        return list;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    private async Task EnsureRolesAsync()
    {
        foreach (var role in HelpdeskRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => "パスワードは12文字以上にしてください / The password must have at least 12 characters",
        "InvalidUserName" => "アカウント名に使えない文字があります / The account name has characters that are not allowed",
        _ => error.Description,
    };

    // "sato@contoso.example", not "Sato <sato@contoso.example>" nor a bare name.
    private static bool IsPlainAddress(string email) =>
        System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && string.Equals(parsed.Address, email, StringComparison.Ordinal);
}
