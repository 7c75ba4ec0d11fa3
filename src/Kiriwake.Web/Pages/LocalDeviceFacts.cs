using Kiriwake.Core.Actions;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Local;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>The device page opened from a session (<c>/local/device?session=…</c>): its facts go into that session on request.</summary>
public static class LocalDeviceFacts
{
    public const string AddedNotice = "device-facts";

    public static void MapLocalDeviceFacts(this IEndpointRouteBuilder app) =>
        app.MapPost("/local/device/use", UseAsync).DisableAntiforgery();

    /// <summary>Under the device's facts: "use this in my diagnosis", and leaving recovery mode when the device is in it.</summary>
    public static async Task WriteAsync(Html body, HttpContext context, string? sessionId, DeviceFacts facts, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(facts);
        if (string.IsNullOrEmpty(sessionId) || await context.RequestServices.GetRequiredService<SessionService>().LoadAsync(sessionId, language, cancellationToken) is not { } session)
        {
            return;
        }

        if (facts.Facts.Count > 0)
        {
            body.Raw("<section class=\"card\" aria-labelledby=\"use\"><h2 id=\"use\">").Text(LocalText.UseFacts.Get(language)).Raw("</h2>")
                .El("p", LocalText.UseFactsHelp.Get(language))
                .Raw("<form method=\"post\" action=\"/local/device/use\">").Raw(Layout.Antiforgery(context))
                .Raw($"<input type=\"hidden\" name=\"session\" value=\"{Html.E(session.Id)}\">")
                .Raw("<p><button type=\"submit\" id=\"use-device-facts\">").Text(LocalText.UseFacts.Get(language)).Raw("</button></p></form></section>");
        }

        if (facts.State == ConnectionState.Recovery)
        {
            await DeviceActionPages.WriteOfferAsync(body, context, session.Id, DeviceAction.LeaveRecovery, language, cancellationToken);
        }

        body.Raw($"<p><a href=\"/s/{Html.E(session.Id)}\">").Text(LocalText.Continue.Get(language)).Raw("</a></p>");
    }

    public static string? Notice(string? notice, Language language) => notice == AddedNotice
        ? new Html().El("p", LocalText.FactsAdded.Get(language), "class=\"notice ok\" role=\"status\"").ToString()
        : null;

    private static async Task<IResult> UseAsync(HttpContext context, SessionService sessions, IAntiforgery antiforgery, LocalMode local, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        if (await Forms.ReadAsync(context, antiforgery, language) is not { } form)
        {
            return Forms.Rejected(context, language);
        }

        if (await sessions.LoadAsync(form["session"].ToString(), language, cancellationToken) is not { } session)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        var facts = await LocalSessionHooks.ReadAsync(context.RequestServices, cancellationToken);
        if (facts is not { Facts.Count: > 0 })
        {
            return ErrorPage.Show(context, 400, LocalText.NoFactsToAdd.Get(language), language);
        }

        try
        {
            await sessions.AddEvidenceAsync(session, facts.Facts, cancellationToken);
        }
        catch (SessionConflictException)
        {
            return Results.Redirect($"/s/{session.Id}?notice=stale");
        }

        return Results.Redirect($"/s/{session.Id}?notice={AddedNotice}");
    }
}
