using System.Globalization;
using System.Text;
using Kiriwake.Core.Actions;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Local;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>
/// Local mode: what Kiriwake can do on the connected device for a session's step (make a verified backup at the
/// backup gate or its step, enter or leave recovery mode), run with the person's agreement as a job that outlives
/// the request; its page refreshes itself (works without script) and can stop it.
/// </summary>
public static class DeviceActionPages
{
    public static void MapDeviceActionPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/s/{id}/device/{action}", StartAsync).DisableAntiforgery();
        app.MapGet("/s/{id}/device/jobs/{job}", Status);
        app.MapPost("/s/{id}/device/jobs/{job}/cancel", CancelAsync).DisableAntiforgery();
    }

    public static string Slug(DeviceAction action) => action switch
    {
        DeviceAction.MakeVerifiedBackup => "backup",
        DeviceAction.EnterRecovery => "enter-recovery",
        _ => "leave-recovery",
    };

    private static DeviceAction? Parse(string? slug) => slug switch
    {
        "backup" => DeviceAction.MakeVerifiedBackup,
        "enter-recovery" => DeviceAction.EnterRecovery,
        "leave-recovery" => DeviceAction.LeaveRecovery,
        _ => null,
    };

    /// <summary>The offer on a step or gate page: the question naming the device, a password field when the backup
    /// will be encrypted, one button; or, with no device ready, how to connect it.</summary>
    public static async Task WriteOfferAsync(Html body, HttpContext context, string sessionId, DeviceAction action, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        var jobs = context.RequestServices.GetRequiredService<DeviceJobs>();
        body.Raw("<section class=\"card device-offer\" aria-labelledby=\"offer\"><h2 id=\"offer\">").Text(LocalText.OfferHeading.Get(language)).Raw("</h2>");
        if (jobs.Running is { } running)
        {
            body.El("p", LocalText.AlreadyRunning.Get(language));
            if (running.SessionId == sessionId)
            {
                body.Raw($"<p><a class=\"button\" id=\"see-progress\" href=\"/s/{Html.E(sessionId)}/device/jobs/{running.Id}\">").Text(LocalText.SeeProgress.Get(language)).Raw("</a></p>");
            }

            body.Raw("</section>");
            return;
        }

        DeviceActionConsent? consent = null;
        try
        {
            if (action != DeviceAction.LeaveRecovery && !await LocalDevicePresence.AnyListedAsync(context.RequestServices, cancellationToken))
            {
                body.El("p", LocalText.OfferNoDevice.Get(language))
                    .Raw($"<p><a href=\"{Html.E(context.Request.Path + context.Request.QueryString)}\">").Text(LocalText.LookAgain.Get(language)).Raw("</a></p></section>");
                return;
            }

            consent = await context.RequestServices.GetRequiredService<IDeviceActions>().PrepareAsync(action, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException or UnauthorizedAccessException)
        {
            // The tools could not be run: the same as no device.
        }

        if (consent is not { CanRun: true })
        {
            if (consent is not null && action != DeviceAction.LeaveRecovery)
            {
                body.El("p", consent.Question.Get(language), "class=\"device-state\"");
            }

            body.El("p", LocalText.OfferNoDevice.Get(language))
                .Raw($"<p><a href=\"{Html.E(context.Request.Path + context.Request.QueryString)}\">").Text(LocalText.LookAgain.Get(language)).Raw("</a></p></section>");
            return;
        }

        body.El("p", consent.Question.Get(language));
        body.Raw($"<form method=\"post\" action=\"/s/{Html.E(sessionId)}/device/{Slug(action)}\">").Raw(Layout.Antiforgery(context));
        if (consent.NeedsPassword)
        {
            body.Raw("<p><label for=\"device-password\">").Text(LocalText.PasswordLabel.Get(language)).Raw("</label>")
                .Raw("<input type=\"password\" id=\"device-password\" name=\"password\" autocomplete=\"off\" required aria-describedby=\"device-password-help\"></p>")
                .El("p", LocalText.PasswordForBackupHelp.Get(language), "id=\"device-password-help\" class=\"help\"");
        }
        else if (action == DeviceAction.MakeVerifiedBackup)
        {
            // Not encrypted yet: offer to switch it on (the fields are read only when the box is ticked).
            body.Raw("<fieldset class=\"encrypt\"><legend>").Text(LocalText.EncryptLegend.Get(language)).Raw("</legend>")
                .Raw("<ul class=\"checklist\"><li><input type=\"checkbox\" id=\"device-encrypt\" name=\"encrypt\" value=\"on\" aria-describedby=\"device-encrypt-help\"><label for=\"device-encrypt\">").Text(LocalText.EncryptChoice.Get(language)).Raw("</label></li></ul>")
                .El("p", LocalText.EncryptHelp.Get(language), "id=\"device-encrypt-help\" class=\"help\"")
                .Raw("<p><label for=\"device-new-password\">").Text(LocalText.NewPasswordLabel.Get(language)).Raw("</label>")
                .Raw("<input type=\"password\" id=\"device-new-password\" name=\"newPassword\" autocomplete=\"new-password\" maxlength=\"255\"></p>")
                .Raw("<p><label for=\"device-new-password-again\">").Text(LocalText.NewPasswordAgainLabel.Get(language)).Raw("</label>")
                .Raw("<input type=\"password\" id=\"device-new-password-again\" name=\"newPasswordAgain\" autocomplete=\"new-password\" maxlength=\"255\"></p></fieldset>");
        }

        body.El("p", LocalText.AgreeNote.Get(language), "class=\"help\"");
        body.Raw($"<p><button type=\"submit\" id=\"device-{Slug(action)}\">").Text(LocalText.Button(action).Get(language)).Raw("</button></p></form></section>");
    }

    private static async Task<IResult> StartAsync(HttpContext context, string id, string action, SessionService sessions, DeviceJobs jobs, IAntiforgery antiforgery, LocalMode local, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled || Parse(action) is not { } chosen)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        if (await Forms.ReadAsync(context, antiforgery, language) is not { } form)
        {
            return Forms.Rejected(context, language);
        }

        if (await sessions.LoadAsync(id, language, cancellationToken) is not { } session)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        // The password goes to the tool's stdin through the maker and is zeroed when the job ends; it is never stored.
        var encrypt = chosen == DeviceAction.MakeVerifiedBackup && form["encrypt"].ToString() == "on";
        var typed = encrypt ? form["newPassword"].ToString() : form["password"].ToString();
        if (encrypt && NewPasswordProblem(typed, form["newPasswordAgain"].ToString()) is { } problem)
        {
            return ErrorPage.Show(context, StatusCodes.Status400BadRequest, problem.Get(language), language,
                ($"/s/{session.Id}{LangQuery(context)}", LocalText.BackToStep.Get(language)));
        }

        var password = chosen == DeviceAction.MakeVerifiedBackup && typed.Length > 0 ? Encoding.UTF8.GetBytes(typed) : null;
        var job = jobs.Start(session.Id, chosen, password, encrypt);
        return Results.Redirect($"/s/{session.Id}/device/jobs/{job.Id}{LangQuery(context)}");
    }

    /// <summary>What is wrong with a new backup password (null: nothing); idevicebackup2 takes printable ASCII only.</summary>
    private static LocalizedText? NewPasswordProblem(string password, string again) =>
        password.Length == 0 || again.Length == 0 ? LocalText.NewPasswordMissing
        : !string.Equals(password, again, StringComparison.Ordinal) ? LocalText.NewPasswordsDiffer
        : password.Length > 255 || password.Any(c => c is < ' ' or > '~') ? LocalText.NewPasswordNotAscii
        : null;

    private static async Task<IResult> CancelAsync(HttpContext context, string id, string job, DeviceJobs jobs, IAntiforgery antiforgery, LocalMode local)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        jobs.Find(id, job)?.Cancel();
        return Results.Redirect($"/s/{Html.Url(id)}/device/jobs/{Html.Url(job)}{LangQuery(context)}");
    }

    private static IResult Status(HttpContext context, string id, string job, DeviceJobs jobs, LocalMode local, SessionService sessions)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        var body = new Html();
        if (jobs.Find(id, job) is not { } found)
        {
            body.El("h1", WebText.NotFound.Get(language)).El("p", LocalText.GoneJob.Get(language), "class=\"notice warn\"");
            ContinueLink(body, id, language);
            return Layout.Page(context, language, WebText.NotFound.Get(language), body, 404);
        }

        if (found.Outcome is not { } outcome)
        {
            // No script needed: the browser reloads the page (the Refresh header); site.js may do it more smoothly.
            context.Response.Headers["Refresh"] = "2";
            WriteRunning(body, context, found, language);
            return Layout.Page(context, language, LocalText.Running(found.Action).Get(language), body);
        }

        var title = LocalText.Done(outcome.Result?.Succeeded == true).Get(language);
        WriteFinished(body, context, found, outcome, sessions.Knowledge, language);
        return Layout.Page(context, language, title, body);
    }

    private static void WriteRunning(Html body, HttpContext context, DeviceJob job, Language language)
    {
        body.El("h1", LocalText.Running(job.Action).Get(language), "id=\"job-title\"");
        body.Raw("<div class=\"job\" id=\"job-running\" role=\"status\" aria-live=\"polite\">");
        var progress = job.Progress;
        body.El("p", progress?.Stage.Get(language) ?? DeviceActionTextStart.Get(language), "class=\"stage\"");
        if (progress?.Percent is double percent)
        {
            var p = Math.Clamp((int)Math.Round(percent), 0, 100);
            var label = string.Format(CultureInfo.InvariantCulture, LocalText.Percent.Get(language), p);
            body.Raw($"<progress id=\"job-progress\" max=\"100\" value=\"{Html.N(p)}\" aria-label=\"{Html.E(label)}\">").Text(label).Raw("</progress>");
        }
        else
        {
            body.Raw("<progress id=\"job-progress\" aria-label=\"").Text(progress?.Stage.Get(language)).Raw("\"></progress>");
        }

        if (progress?.Detail is { } detail)
        {
            body.El("p", detail.Get(language), "class=\"detail\" id=\"job-detail\"");
        }

        body.Raw("</div>");
        if (job.CancelRequested)
        {
            body.El("p", LocalText.Stopping.Get(language), "class=\"notice warn\"");
        }
        else
        {
            if (job.Action == DeviceAction.MakeVerifiedBackup)
            {
                body.El("p", LocalText.KeepConnected.Get(language), "class=\"notice\"");
            }

            body.Raw($"<form method=\"post\" action=\"/s/{Html.E(job.SessionId)}/device/jobs/{job.Id}/cancel\">").Raw(Layout.Antiforgery(context))
                .Raw("<button type=\"submit\" class=\"secondary\" id=\"job-stop\">").Text(LocalText.Stop.Get(language)).Raw("</button></form>");
        }

        body.Raw("<p class=\"help\">").Text(LocalText.Updating.Get(language))
            .Raw($" <a href=\"/s/{Html.E(job.SessionId)}/device/jobs/{job.Id}\" id=\"job-refresh\">").Text(LocalText.UpdateNow.Get(language)).Raw("</a></p>");
    }

    private static readonly LocalizedText DeviceActionTextStart = new("準備しています", "Getting ready");

    private static void WriteFinished(Html body, HttpContext context, DeviceJob job, DeviceJobOutcome outcome, KnowledgeBase kb, Language language)
    {
        var result = outcome.Result;
        var ok = result?.Succeeded == true;
        body.El("h1", LocalText.Done(ok).Get(language), "id=\"job-title\"");
        body.El("p", (result?.Summary ?? LocalText.Unexpected).Get(language), ok ? "class=\"notice ok\" id=\"job-result\" role=\"status\"" : "class=\"notice error\" id=\"job-result\" role=\"alert\"");
        if (result is null)
        {
            ContinueLink(body, job.SessionId, language);
            return;
        }

        body.List(result.NextSteps.Select(s => s.Get(language)), "ul", "class=\"next-steps\"");
        if (result.SymptomId is { } symptom && kb.Symptoms.TryGetValue(symptom, out var found))
        {
            body.El("p", string.Format(CultureInfo.InvariantCulture, LocalText.LooksLike.Get(language), found.Title.Get(language)));
        }

        var shown = result.Facts.Where(f => FactText.IsKnown(f.Key)).GroupBy(f => f.Key).Select(g => g.Last()).ToArray();
        if (shown.Length > 0)
        {
            body.Raw("<section aria-labelledby=\"learned\"><h2 id=\"learned\">").Text(LocalText.Learned.Get(language)).Raw("</h2><dl class=\"facts\">");
            foreach (var fact in shown)
            {
                body.El("dt", FactText.Label(fact.Key, language)).El("dd", FactText.Value(kb, fact.Key, fact.Value, language));
            }

            body.Raw("</dl></section>");
        }

        if (result.SessionFacts.Count > 0 && !outcome.Recorded)
        {
            body.El("p", LocalText.NotRecorded.Get(language), "class=\"notice warn\"");
        }

        if (ok && job.Action == DeviceAction.EnterRecovery)
        {
            body.Raw($"<form method=\"post\" action=\"/s/{Html.E(job.SessionId)}/device/{Slug(DeviceAction.LeaveRecovery)}\">").Raw(Layout.Antiforgery(context))
                .Raw("<p><button type=\"submit\" class=\"secondary\" id=\"device-leave-recovery\">").Text(LocalText.LeaveOffer.Get(language)).Raw("</button></p></form>");
        }

        ContinueLink(body, job.SessionId, language);
    }

    private static void ContinueLink(Html body, string sessionId, Language language) =>
        body.Raw($"<p><a class=\"button\" id=\"continue\" href=\"/s/{Html.E(sessionId)}\">").Text(LocalText.Continue.Get(language)).Raw("</a></p>");

    private static string LangQuery(HttpContext context) =>
        context.Request.Query.TryGetValue("lang", out var lang) && lang.ToString() is "ja" or "en" ? "?lang=" + lang : "";
}
