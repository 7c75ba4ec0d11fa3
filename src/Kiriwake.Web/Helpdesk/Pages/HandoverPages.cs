using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>
/// The person's side of a hand-over: a button under every step and at the end ("hand over to a helpdesk") and the
/// page with the case code to read out on the phone. The person's pages show the code only, never staff data.
/// </summary>
public static class HandoverPages
{
    public static void MapHandoverPages(this WebApplication app)
    {
        app.MapPost("/s/{id}/handover", HandOverAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.SessionCreation);
        app.MapGet("/s/{id}/handover", ShowAsync);
    }

    /// <summary>The offer under a step or at the end; only in server mode (a helpdesk runs it), not on a person's own computer.</summary>
    public static void Offer(Html body, HttpContext context, string sessionId, Language language)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetRequiredService<LocalMode>().Enabled)
        {
            return;
        }

        var ja = language == Language.Ja;
        body.Raw("<section class=\"handover\" aria-labelledby=\"handover-title\"><h2 id=\"handover-title\">").Text(ja ? "ヘルプデスクに引き継ぐ" : "Hand over to a helpdesk").Raw("</h2>")
            .El("p", ja ? "電話でヘルプデスクと話しながら続けたいときは、案件番号を発行して担当者に読み上げてください。ここまでの回答は引き継がれます。"
                : "To go on with the helpdesk on the phone, get a case code and read it out to them. Your answers so far are handed over.")
            .Raw($"<form method=\"post\" action=\"/s/{Html.E(sessionId)}/handover\">").Raw(Layout.Antiforgery(context))
            .Raw("<button type=\"submit\" class=\"secondary\" id=\"handover\">").Text(ja ? "案件番号を表示する" : "Show a case code").Raw("</button></form></section>");
    }

    private static async Task<IResult> HandOverAsync(HttpContext context, string id, CaseService cases, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        var made = await cases.HandOverAsync(id, cancellationToken);
        return made is null
            ? ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language)
            : Results.Redirect($"/s/{id}/handover");
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string id, SessionService sessions, CaseService cases, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var session = await sessions.LoadAsync(id, language, cancellationToken);
        var code = session is null ? null : await cases.CodeOfSessionAsync(id, cancellationToken);
        if (session is null || code is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        var display = CaseCodes.Display(code);
        var body = new Html();
        body.El("h1", ja ? "案件番号" : "Your case code", "id=\"handover-title\"");
        body.El("p", ja ? "ヘルプデスクの担当者に、この番号を読み上げてください。" : "Read this code out to the helpdesk.");
        body.Raw("<p class=\"case-code\" id=\"case-code\" aria-label=\"").Text(Spelled(display)).Raw("\">").Text(display).Raw("</p>");
        body.El("p", ja ? "数字の 0 と 1、英字の O と I は使っていません。この番号だけでは、あなたの記録を誰も開けません(ヘルプデスクの担当者がサインインしたときだけです)。"
            : "The code never uses the digits 0 and 1 or the letters O and I. The code alone opens nothing: only signed-in helpdesk staff can see your case.", "class=\"muted\"");
        if (CaseChecklists.Person(sessions.Knowledge, session.Row.SymptomId) is { } checklist)
        {
            body.Raw("<section aria-labelledby=\"person-checklist\"><h2 id=\"person-checklist\">").Text(checklist.Title.Get(language)).Raw("</h2>")
                .El("p", checklist.Purpose.Get(language))
                .List(checklist.Items.Select(i => i.Text.Get(language)), "ul", "class=\"checklist-plain\"").Raw("</section>");
        }

        body.Raw("<div class=\"actions-row\">").Raw($"<a class=\"button\" href=\"/s/{Html.E(id)}\">").Text(ja ? "診断に戻る" : "Back to the diagnosis").Raw("</a></div>");
        return Layout.Page(context, language, ja ? "案件番号" : "Case code", body);
    }

    /// <summary>"K 7 Q M, 3 X D P" for screen readers, so that each character is read on its own.</summary>
    private static string Spelled(string display) => string.Join(" ", display.Replace("-", ",", StringComparison.Ordinal).ToCharArray());
}
