using System.Globalization;
using System.Text;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>The start page: the symptoms grouped as the documents group them, pasted text or a log, an error number.</summary>
public static class StartPages
{
    public static void MapStartPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home);
        app.MapPost("/start", StartAsync).RequireRateLimiting(RateLimits.SessionCreation).DisableAntiforgery();
    }

    private static IResult Home(HttpContext context, KnowledgeModels models, string? symptom) =>
        Render(context, models.Knowledge, PageLanguage.Of(context), new Filled(symptom, null, null, null, null), null, 200);

    private sealed record Filled(string? Symptom, string? Text, string? Code, string? Family, string? Platform);

    private static async Task<IResult> StartAsync(HttpContext context, SessionService sessions, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is not { } form)
        {
            return Forms.Rejected(context, language);
        }

        var filled = new Filled(form["symptom"], form["text"], form["code"], form["family"], form["platform"]);
        var text = filled.Text;
        if (form.Files.GetFile("log") is { Length: > 0 } file)
        {
            if (file.Length > TextLimits.MaxUploadBytes)
            {
                return Render(context, sessions.Knowledge, language, filled with { Text = null },
                    string.Format(CultureInfo.InvariantCulture, WebText.TooLarge.Get(language), TextLimits.MaxUploadBytes / (1024 * 1024)), 413);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            if (!TextLimits.LooksLikeText(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            {
                return Render(context, sessions.Knowledge, language, filled with { Text = null }, WebText.NotText.Get(language), 415);
            }

            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        if (text is { Length: > TextLimits.MaxPastedChars })
        {
            return Render(context, sessions.Knowledge, language, filled with { Text = null },
                string.Format(CultureInfo.InvariantCulture, WebText.TooLarge.Get(language), TextLimits.MaxUploadBytes / (1024 * 1024)), 413);
        }

        var request = new StartRequest(
            string.IsNullOrWhiteSpace(filled.Symptom) ? null : filled.Symptom,
            string.IsNullOrWhiteSpace(filled.Code) ? null : filled.Code,
            string.IsNullOrWhiteSpace(text) ? null : text,
            LanguageCodes.Of(language),
            KebabNames.ParseFamily(filled.Family) is { } f ? KebabNames.Of(f) : null,
            KebabNames.ParsePlatform(filled.Platform) is { } p ? KebabNames.Of(p) : null);
        try
        {
            var session = await sessions.StartAsync(request, language, cancellationToken);
            return Results.Redirect($"/s/{session.Id}", permanent: false, preserveMethod: false);
        }
        catch (StartRejectedException e)
        {
            var message = string.Format(CultureInfo.InvariantCulture, e.Text.Get(language), filled.Code ?? "");
            return Render(context, sessions.Knowledge, language, filled, message, 400);
        }
    }

    private static IResult Render(HttpContext context, KnowledgeBase kb, Language language, Filled filled, string? error, int status)
    {
        var body = new Html();
        body.El("h1", WebText.Start.Get(language));
        body.El("p", WebText.StartLead.Get(language), "class=\"lead\"");
        if (error is not null)
        {
            body.El("p", error, "class=\"notice error\" role=\"alert\" id=\"start-error\"");
        }

        body.Raw("<form method=\"post\" action=\"/start\" enctype=\"multipart/form-data\">").Raw(Layout.Antiforgery(context));
        body.Raw("<fieldset><legend>").Text(WebText.WhatYouSee.Get(language)).Raw("</legend>");
        foreach (var channel in new[] { SymptomChannel.Icloud, SymptomChannel.Computer, SymptomChannel.Restore, SymptomChannel.App, SymptomChannel.General })
        {
            var symptoms = kb.Content.Symptoms.Where(s => s.Channel == channel).ToArray();
            if (symptoms.Length == 0)
            {
                continue;
            }

            body.El("h2", WebText.Channel(channel).Get(language));
            body.Raw("<ul class=\"symptoms\">");
            foreach (var s in symptoms)
            {
                var message = s.Messages.Count > 0 ? s.Messages[0].Get(language) : s.Title.Get(language);
                var check = string.Equals(filled.Symptom, s.Id, StringComparison.Ordinal) ? " checked" : "";
                body.Raw($"<li><label><input type=\"radio\" name=\"symptom\" value=\"{Html.E(s.Id)}\"{check}><span><span class=\"msg\">")
                    .Text(s.Messages.Count > 0 ? "「" + message + "」" : message).Raw("</span>");
                if (s.Messages.Count > 0)
                {
                    body.Raw("<span class=\"title\">").Text(s.Title.Get(language)).Raw("</span>");
                }

                body.Raw("</span></label></li>");
            }

            body.Raw("</ul>");
        }

        body.Raw("</fieldset>");
        body.Raw("<fieldset><legend>").Text(WebText.PasteText.Get(language)).Raw("</legend>")
            .Raw("<label for=\"text\">").Text(WebText.PasteText.Get(language)).Raw("</label>")
            .Raw("<p class=\"hint\" id=\"text-hint\">").Text(WebText.PasteHelp.Get(language)).Raw("</p>")
            .Raw("<textarea id=\"text\" name=\"text\" aria-describedby=\"text-hint\">").Text(filled.Text).Raw("</textarea>")
            .Raw("<label for=\"log\">").Text(WebText.UploadLog.Get(language)).Raw("</label>")
            .Raw("<p class=\"hint\" id=\"log-hint\">").Text(WebText.UploadHelp.Get(language)).Raw("</p>")
            .Raw("<input type=\"file\" id=\"log\" name=\"log\" accept=\".txt,.log,text/plain\" aria-describedby=\"log-hint\">")
            .Raw("<label for=\"code\">").Text(WebText.ErrorCodeLabel.Get(language)).Raw("</label>")
            .Raw($"<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"20\" value=\"{Html.E(filled.Code)}\">")
            .Raw("</fieldset>");
        body.Raw("<fieldset><legend>").Text(WebText.YourDevice.Get(language)).Raw("</legend>")
            .Raw("<label for=\"family\">").Text(WebText.FamilyLabel.Get(language)).Raw("</label><select id=\"family\" name=\"family\"><option value=\"\">").Text(WebText.DontKnow.Get(language)).Raw("</option>");
        foreach (var f in Enum.GetValues<ButtonFamily>())
        {
            var sel = KebabNames.ParseFamily(filled.Family) == f ? " selected" : "";
            body.Raw($"<option value=\"{KebabNames.Of(f)}\"{sel}>").Text(ConversationText.FamilyName(f).Get(language)).Raw("</option>");
        }

        body.Raw("</select><label for=\"platform\">").Text(WebText.PlatformLabel.Get(language)).Raw("</label><select id=\"platform\" name=\"platform\"><option value=\"\">").Text(WebText.DontKnow.Get(language)).Raw("</option>");
        foreach (var p in ConversationOptions.AllComputerPlatforms)
        {
            var sel = KebabNames.ParsePlatform(filled.Platform) == p ? " selected" : "";
            body.Raw($"<option value=\"{KebabNames.Of(p)}\"{sel}>").Text(ConversationText.PlatformName(p).Get(language)).Raw("</option>");
        }

        body.Raw("</select></fieldset>");
        body.Raw("<p><button type=\"submit\" id=\"begin\">").Text(WebText.Begin.Get(language)).Raw("</button></p></form>");
        return Layout.Page(context, language, WebText.Start.Get(language), body, status);
    }
}
