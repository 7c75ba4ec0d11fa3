using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Pages;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>The staff's case pages: open by code, the case, answering, undo, consent, waiting, closing, the package.
/// Every route needs a helpdesk sign-in; lookups by code are rate-limited per account.</summary>
public static class CaseRoutes
{
    public static void MapCaseRoutes(this WebApplication app)
    {
        var cases = app.MapGroup("/helpdesk/cases").RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);
        cases.MapGet("/open", OpenByCode).RequireRateLimiting(CasesSetup.LookupPolicy);
        cases.MapGet("/{code}", ShowAsync).RequireRateLimiting(CasesSetup.LookupPolicy);
        cases.MapPost("/{code}/answer", AnswerAsync).DisableAntiforgery();
        cases.MapPost("/{code}/undo", UndoAsync).DisableAntiforgery();
        cases.MapPost("/{code}/consent", ConsentAsync).DisableAntiforgery();
        cases.MapPost("/{code}/waiting", WaitingAsync).DisableAntiforgery();
        cases.MapPost("/{code}/close", CloseAsync).DisableAntiforgery();
        cases.MapGet("/{code}/package", PackageAsync).RequireRateLimiting(CasesSetup.LookupPolicy);
        cases.MapGet("/{code}/package.md", PackageMarkdownAsync).RequireRateLimiting(CasesSetup.LookupPolicy);
        cases.MapGet("/{code}/package.json", PackageJsonAsync).RequireRateLimiting(CasesSetup.LookupPolicy);
    }

    private static IResult OpenByCode(HttpContext context, string? code)
    {
        var language = PageLanguage.Of(context);
        return CaseCodes.Normalize(code) is { } normal
            ? Results.Redirect($"/helpdesk/cases/{normal}")
            : NotFound(context, language, code);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string code, string? error, CaseService cases, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var view = await cases.OpenAsync(code, language, Staff.Of(context.User), cancellationToken);
        return view is null ? NotFound(context, language, code) : CasePage.Render(context, view, language, null);
    }

    private static Task<IResult> AnswerAsync(HttpContext context, string code, CaseService cases, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        PostAsync(context, code, cases, antiforgery, (view, form, staff, language) =>
            cases.AnswerAsync(view, form["step"].ToString(), form["answer"].ToString(), staff, language, cancellationToken));

    private static Task<IResult> UndoAsync(HttpContext context, string code, CaseService cases, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        PostAsync(context, code, cases, antiforgery, (view, _, staff, language) => cases.UndoAsync(view, staff, language, cancellationToken));

    private static Task<IResult> WaitingAsync(HttpContext context, string code, CaseService cases, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        PostAsync(context, code, cases, antiforgery, (view, form, staff, _) => cases.SetWaitingAsync(view, form["waiting"].ToString() == "true", staff, cancellationToken));

    private static Task<IResult> ConsentAsync(HttpContext context, string code, CaseService cases, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        PostAsync(context, code, cases, antiforgery, (view, form, staff, language) =>
        {
            var at = context.RequestServices.GetRequiredService<StaffTimeZone>().Parse(form["consentedAt"].ToString());
            var request = new ConsentRequest(form["consentedBy"].ToString(), at, form["method"].ToString(), form["steps"].Select(s => s ?? "").ToArray());
            return cases.RecordConsentAsync(view, request, staff, language, cancellationToken);
        });

    private static Task<IResult> CloseAsync(HttpContext context, string code, CaseService cases, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        PostAsync(context, code, cases, antiforgery, (view, form, staff, language) =>
            cases.CloseAsync(view, new CloseRequest(form["outcome"].ToString(), form["escalatedTo"].ToString(), form["confirmedCause"].ToString(),
                form["acceptance"].Select(s => s ?? "").ToArray()), staff, language, cancellationToken));

    /// <summary>Antiforgery first, then the case, then the action; a broken rule shows the case again with the reason
    /// (400, or 403 when the role may not do it); success redirects to the case (post/redirect/get).</summary>
    private static async Task<IResult> PostAsync(HttpContext context, string code, CaseService cases, IAntiforgery antiforgery,
        Func<CaseView, IFormCollection, Staff, Language, Task> action)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is not { } form)
        {
            return Forms.Rejected(context, language);
        }

        var staff = Staff.Of(context.User);
        var view = await cases.OpenAsync(code, language, staff, context.RequestAborted);
        if (view is null)
        {
            return NotFound(context, language, code);
        }

        try
        {
            await action(view, form, staff, language);
        }
        catch (CaseRuleException e) when (e.Forbidden)
        {
            return ErrorPage.Show(context, 403, e.Message, language);
        }
        catch (CaseRuleException e)
        {
            var fresh = await cases.OpenAsync(code, language, staff, context.RequestAborted) ?? view;
            return CasePage.Render(context, fresh, language, e.Message);
        }
        catch (SessionConflictException)
        {
            var fresh = await cases.OpenAsync(code, language, staff, context.RequestAborted) ?? view;
            return CasePage.Render(context, fresh, language, language == Language.Ja
                ? "同時に別の回答が記録されました(本人か別の担当者)。現在の状態を確認してください。"
                : "Another answer was recorded at the same moment (the person or another staff member). Check where the case stands now.");
        }

        return Results.Redirect($"/helpdesk/cases/{view.Case.Code}");
    }

    private static async Task<IResult> PackageAsync(HttpContext context, string code, CaseService cases, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var view = await cases.OpenAsync(code, language, Staff.Of(context.User), cancellationToken);
        if (view is null)
        {
            return NotFound(context, language, code);
        }

        var title = (ja ? "引き継ぎ資料 " : "Escalation package ") + CaseCodes.Display(view.Case.Code);
        var body = new Html();
        body.El("h1", title);
        body.Raw("<div class=\"actions-row\"><button type=\"button\" class=\"secondary\" data-print hidden>").Text(ja ? "印刷する" : "Print").Raw("</button>")
            .Raw($"<a class=\"button secondary\" href=\"/helpdesk/cases/{view.Case.Code}\">").Text(ja ? "案件に戻る" : "Back to the case").Raw("</a></div>");
        body.Raw("<pre class=\"package\">").Text(EscalationPackage.Markdown(view, language, context.RequestServices.GetRequiredService<StaffTimeZone>())).Raw("</pre>");
        return Layout.Page(context, language, title, body);
    }

    private static async Task<IResult> PackageMarkdownAsync(HttpContext context, string code, CaseService cases, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var view = await cases.OpenAsync(code, language, Staff.Of(context.User), cancellationToken);
        return view is null
            ? NotFound(context, language, code)
            : Results.File(System.Text.Encoding.UTF8.GetBytes(EscalationPackage.Markdown(view, language, context.RequestServices.GetRequiredService<StaffTimeZone>())), "text/markdown; charset=utf-8", $"case-{view.Case.Code}.md");
    }

    private static async Task<IResult> PackageJsonAsync(HttpContext context, string code, CaseService cases, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var view = await cases.OpenAsync(code, language, Staff.Of(context.User), cancellationToken);
        return view is null
            ? NotFound(context, language, code)
            : Results.File(EscalationPackage.Json(view, language), "application/json; charset=utf-8", $"case-{view.Case.Code}.json");
    }

    private static IResult NotFound(HttpContext context, Language language, string? code) =>
        ErrorPage.Show(context, 404, language == Language.Ja
            ? "この番号の案件はありません。番号をもう一度確認してください(0 と O、1 と I は使われません)。"
            : "There is no case with this code. Check the code again (it never uses 0, O, 1 or I).", language);
}
