using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>
/// A session's pages: the current step (or the gate, or the end) at /s/{id}, which is also the address that
/// resumes it; answering and undo post back and redirect to it (post/redirect/get).
/// </summary>
public static class SessionPages
{
    public static void MapSessionPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{id}", ShowAsync);
        app.MapPost("/s/{id}/answer", AnswerAsync).DisableAntiforgery();
        app.MapPost("/s/{id}/undo", UndoAsync).DisableAntiforgery();
        app.MapGet("/s/{id}/report.md", MarkdownAsync);
        app.MapGet("/s/{id}/report.json", JsonAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string id, string? notice, SessionService sessions, LocalMode local, KiriwakeWebOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var session = await sessions.LoadAsync(id, language, cancellationToken);
        if (session is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        var body = new Html();
        string? extras = null;
        if (local.Enabled)
        {
            // Local mode (Pages/LocalSessionHooks.cs): the connected device answers the model question; device steps are offered.
            (session, var read) = await LocalSessionHooks.AnswerModelFromDeviceAsync(session, context, language, cancellationToken);
            if (read is not null)
            {
                body.El("p", read, "class=\"notice ok\" role=\"status\"");
            }

            extras = await LocalSessionHooks.StepExtrasAsync(session, context, language, cancellationToken);
        }

        if (notice == "stale")
        {
            body.El("p", WebText.Stale.Get(language), "class=\"notice warn\" role=\"status\"");
        }
        else if (notice is not null && notice.StartsWith("backup-", StringComparison.Ordinal))
        {
            body.Raw(GatePage.Notice(notice, language));
        }
        else if (LocalDeviceFacts.Notice(notice, language) is { } added)
        {
            body.Raw(added);
        }

        var title = session.Prompt switch
        {
            FinishPrompt f => EndPage.Write(body, context, session, f, language),
            GatePrompt g => await GatePage.WriteAsync(body, context, session, g, language, local.Enabled, options, time),
            _ => StepPage.Write(body, context, session, language, options, extras),
        };
        return Layout.Page(context, language, title, body);
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, string id, SessionService sessions, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is not { } form)
        {
            return Forms.Rejected(context, language);
        }

        var session = await sessions.LoadAsync(id, language, cancellationToken);
        if (session is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        string step = form["step"].ToString(), answer = form["answer"].ToString();
        if (session.Finished || !string.Equals(step, session.Prompt.Id, StringComparison.Ordinal))
        {
            // An old tab or a double tap: show the current step instead of failing.
            return Results.Redirect($"/s/{id}?notice=stale");
        }

        try
        {
            await sessions.AnswerAsync(session, step, answer, cancellationToken);
        }
        catch (AnswerRejectedException e)
        {
            return ErrorPage.Show(context, 400, e.Message, language);
        }
        catch (SessionConflictException)
        {
            return Results.Redirect($"/s/{id}?notice=stale");
        }

        return Results.Redirect($"/s/{id}");
    }

    private static async Task<IResult> UndoAsync(HttpContext context, string id, SessionService sessions, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        var session = await sessions.LoadAsync(id, language, cancellationToken);
        if (session is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        try
        {
            await sessions.UndoAsync(session, cancellationToken);
        }
        catch (AnswerRejectedException)
        {
            // Nothing to take back: the page shows the first step again.
        }
        catch (SessionConflictException)
        {
            return Results.Redirect($"/s/{id}?notice=stale");
        }

        return Results.Redirect($"/s/{id}");
    }

    private static async Task<IResult> MarkdownAsync(HttpContext context, string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var session = await sessions.LoadAsync(id, language, cancellationToken);
        if (session is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        var text = DiagnosisReportText.ToText(session.Conversation.Report(), language, markdown: true);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", $"kiriwake-{id[..8]}.md");
    }

    private static async Task<IResult> JsonAsync(HttpContext context, string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var session = await sessions.LoadAsync(id, language, cancellationToken);
        if (session is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(session.Conversation.Report(), ConversationJson.Options);
        return Results.File(json, "application/json; charset=utf-8", $"kiriwake-{id[..8]}.json");
    }

    /// <summary>Undo and "continue later", under every step.</summary>
    internal static void WriteFooter(Html body, HttpContext context, WebSession session, Language language, KiriwakeWebOptions options)
    {
        body.Raw("<div class=\"actions-row\">");
        if (session.Conversation.AnsweredSteps > 0 || session.Conversation.Events.Any(e => e.Actor == EventActor.Person))
        {
            body.Raw($"<form method=\"post\" action=\"/s/{session.Id}/undo\">").Raw(Layout.Antiforgery(context))
                .Raw("<button type=\"submit\" class=\"secondary\" id=\"undo\">").Text(WebText.Undo.Get(language)).Raw("</button></form>");
        }

        body.Raw("</div>");
        var address = $"{context.Request.Scheme}://{context.Request.Host}/s/{session.Id}";
        body.Raw("<section class=\"card\" aria-labelledby=\"later\"><h2 id=\"later\">").Text(WebText.ContinueLater.Get(language)).Raw("</h2><p>")
            .Text(string.Format(CultureInfo.InvariantCulture, WebText.ContinueLaterHelp.Get(language), "", ((int)options.SessionLifetime.TotalDays).ToString(CultureInfo.InvariantCulture)))
            .Raw("</p><p>").Text(WebText.ThisAddress.Get(language)).Raw($" <a class=\"address\" href=\"/s/{session.Id}\">").Text(address).Raw("</a></p></section>");
    }
}
