using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>The helpdesk's sign-in page (antiforgery-checked form), sign-out and sign-out everywhere. Every attempt is audited.</summary>
public static class SignInPage
{
    public static void MapHelpdeskSignIn(this WebApplication app)
    {
        app.MapGet(HelpdeskSetup.SignInPath, (HttpContext context) => Show(context, PageLanguage.Of(context), error: null, status: 200));
        app.MapPost(HelpdeskSetup.SignInPath, SignInAsync).DisableAntiforgery();
        app.MapPost("/helpdesk/sign-out", SignOutAsync).DisableAntiforgery().RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);
        app.MapPost("/helpdesk/sign-out-everywhere", SignOutEverywhereAsync).DisableAntiforgery().RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);
        app.MapGet("/helpdesk/denied", (HttpContext context) => ErrorPage.Show(context, 403, PageLanguage.Of(context) == Language.Ja
            ? "このページはあなたの役割では開けません。"
            : "Your role cannot open this page.", PageLanguage.Of(context)));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<HelpdeskUser> signIn, AuditLog audit)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var form = await Forms.ReadAsync(context, antiforgery, language);
        if (form is null)
        {
            return Forms.Rejected(context, language);
        }

        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var user = name.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(name);
        var result = user is null || password.Length == 0
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);

        // The audit names an account only when it exists: a password typed into the name field is never recorded.
        var actor = user?.UserName ?? "unknown";
        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditEntry(actor, "sign-in"), context.RequestAborted);
            return Results.Redirect("/helpdesk");
        }

        var reason = user is null ? "unknown-account" : result.IsLockedOut ? "locked-out" : "wrong-password";
        await audit.AppendAsync(new AuditEntry(actor, "sign-in-failed", Detail: HelpdeskAccounts.Json(new { reason })), context.RequestAborted);
        var message = result.IsLockedOut
            ? ja ? "失敗が続いたため、このアカウントはしばらくロックされています。15分ほどしてからやり直すか、管理者に連絡してください。"
                 : "Too many failed attempts: this account is locked for a while. Try again in about 15 minutes or ask an admin."
            : ja ? "アカウント名かパスワードが違います。" : "The account name or the password is wrong.";
        return Show(context, language, message, StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<HelpdeskUser> signIn, AuditLog audit)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        await audit.AppendAsync(new AuditEntry(context.User.Identity?.Name ?? "", "sign-out"), context.RequestAborted);
        await signIn.SignOutAsync();
        return Results.Redirect(HelpdeskSetup.SignInPath);
    }

    private static async Task<IResult> SignOutEverywhereAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<HelpdeskUser> signIn, HelpdeskAccounts accounts)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            await accounts.SignOutEverywhereAsync(user, context.RequestAborted);
        }

        await signIn.SignOutAsync();
        return Results.Redirect(HelpdeskSetup.SignInPath);
    }

    private static IResult Show(HttpContext context, Language language, string? error, int status)
    {
        var ja = language == Language.Ja;
        var body = new Html().Raw($"""
            <h1>{(ja ? "ヘルプデスクにサインイン" : "Sign in to the helpdesk")}</h1>
            <p>{(ja ? "ご自宅で診断している方はサインイン不要です。" : "People diagnosing at home need no account.")} <a href="/">{(ja ? "診断を始める" : "Start a diagnosis")}</a></p>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
            {OpenIdSignIn.SignInPagePart(context, ja)}
            <form method="post" action="{HelpdeskSetup.SignInPath}">
              {Layout.Antiforgery(context)}
              <p><label for="name">{(ja ? "アカウント名" : "Account name")}</label><br><input id="name" name="name" autocomplete="username" required></p>
              <p><label for="password">{(ja ? "パスワード" : "Password")}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
              <p><button type="submit" class="primary">{(ja ? "サインイン" : "Sign in")}</button></p>
            </form>
            """);
        return Layout.Page(context, language, ja ? "サインイン" : "Sign in", body, status);
    }
}
