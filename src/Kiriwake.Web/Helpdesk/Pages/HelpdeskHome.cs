using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Pages;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>The helpdesk's front page (who is signed in, with which role) and the admin's account list.</summary>
public static class HelpdeskHome
{
    public static void MapHelpdeskHome(this WebApplication app)
    {
        app.MapGet("/helpdesk", Home).RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);
        app.MapGet("/helpdesk/admin/users", UsersAsync).RequireAuthorization(HelpdeskSetup.AdminPolicy);
    }

    private static IResult Home(HttpContext context)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var role = HelpdeskRoles.All.FirstOrDefault(context.User.IsInRole) ?? "";
        var admin = role == HelpdeskRoles.Admin
            ? $"<p><a href=\"/helpdesk/admin/users\">{(ja ? "アカウントの管理" : "Manage accounts")}</a></p>"
                + $"<p><a href=\"{Learning.LearningPages.Path}\">{(ja ? "ケースから学習した確率" : "Probabilities learned from cases")}</a></p>"
            : "";
        var body = new Html().Raw($"""
            <h1>{(ja ? "ヘルプデスク" : "Helpdesk")}</h1>
            <p>{(ja ? "サインイン中:" : "Signed in as")} <strong>{Html.E(context.User.Identity?.Name)}</strong> ({Html.E(RoleName(role, ja))})</p>
            {admin}
            <form method="post" action="/helpdesk/sign-out">{Layout.Antiforgery(context)}<button type="submit">{(ja ? "サインアウト" : "Sign out")}</button></form>
            <form method="post" action="/helpdesk/sign-out-everywhere">{Layout.Antiforgery(context)}<button type="submit">{(ja ? "すべての端末からサインアウト" : "Sign out everywhere")}</button></form>
            """);
        return Layout.Page(context, language, ja ? "ヘルプデスク" : "Helpdesk", body);
    }

    private static async Task<IResult> UsersAsync(HttpContext context, HelpdeskAccounts accounts)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var rows = (await accounts.ListAsync(context.RequestAborted)).Select(u =>
            $"<tr><td>{Html.E(u.Name)}</td><td>{Html.E(RoleName(u.Role, ja))}</td><td>{(u.LockedOut ? (ja ? "ロック中" : "locked") : "")}</td></tr>");
        var body = new Html().Raw($"""
            <h1>{(ja ? "アカウント" : "Accounts")}</h1>
            <table><thead><tr><th scope="col">{(ja ? "アカウント名" : "Account")}</th><th scope="col">{(ja ? "役割" : "Role")}</th><th scope="col">{(ja ? "状態" : "State")}</th></tr></thead>
            <tbody>{string.Concat(rows)}</tbody></table>
            <p>{(ja ? "アカウントの追加: サーバーで kiriwake users add 名前 --role 役割(パスワードは標準入力から)" : "Add an account on the server: kiriwake users add NAME --role ROLE (password on standard input)")}</p>
            """);
        return Layout.Page(context, language, ja ? "アカウント" : "Accounts", body);
    }

    public static string RoleName(string role, bool ja) => role switch
    {
        HelpdeskRoles.Agent => ja ? "ヘルプデスク担当" : "helpdesk agent",
        HelpdeskRoles.Technician => ja ? "技術担当" : "technician",
        HelpdeskRoles.Admin => ja ? "管理者" : "admin",
        _ => ja ? "役割なし" : "no role",
    };
}
