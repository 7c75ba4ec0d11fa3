using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>On the gate page in local mode: pick a backup found on this computer and have it checked in depth.</summary>
public static class LocalBackupPicker
{
    public static void MapLocalBackupVerify(this IEndpointRouteBuilder app) =>
        app.MapPost("/s/{id}/verify-backup", VerifyAsync).DisableAntiforgery();

    public static async Task WriteAsync(Html body, HttpContext context, string sessionId, Language language, KiriwakeWebOptions options, TimeProvider time)
    {
        var found = LocalBackups.Find(options);
        body.Raw("<section class=\"card\" aria-labelledby=\"verify\"><h2 id=\"verify\">").Text(WebText.GateVerifyLocal.Get(language)).Raw("</h2>");
        if (found.Count == 0)
        {
            body.El("p", WebText.NoBackupsFound.Get(language)).Raw("</section>");
            return;
        }

        body.El("p", WebText.GateVerifyHelp.Get(language));
        body.Raw($"<form method=\"post\" action=\"/s/{sessionId}/verify-backup\">").Raw(Layout.Antiforgery(context))
            .Raw("<label for=\"backup\">").Text(WebText.BackupChoose.Get(language)).Raw("</label><select id=\"backup\" name=\"backup\">");
        foreach (var (name, label) in await Labels(found, time, language))
        {
            body.Raw($"<option value=\"{Html.E(name)}\">").Text(label).Raw("</option>");
        }

        body.Raw("</select><p><button type=\"submit\" id=\"verify-backup\">").Text(WebText.VerifyThis.Get(language)).Raw("</button></p></form></section>");
    }

    /// <summary>What a person recognises a backup by: the device's name and the backup's date.</summary>
    private static async Task<IReadOnlyList<(string Name, string Label)>> Labels(IReadOnlyList<string> folders, TimeProvider time, Language language)
    {
        var verifier = new BackupVerifier(time);
        var labels = new List<(string, string)>();
        foreach (var folder in folders)
        {
            var report = await verifier.VerifyAsync(folder, new VerifyOptions(), CancellationToken.None);
            var device = report.Device?.DeviceName ?? (language == Language.Ja ? "名前のない端末" : "Unnamed device");
            var date = report.Date is { } d ? d.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "?";
            labels.Add((Path.GetFileName(folder), $"{device} — {date}"));
        }

        return labels;
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, string id, SessionService sessions, IAntiforgery antiforgery, LocalMode local,
        KiriwakeWebOptions options, TimeProvider time, CancellationToken cancellationToken)
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

        var session = await sessions.LoadAsync(id, language, cancellationToken);
        if (session is null)
        {
            return ErrorPage.Show(context, 404, WebText.SessionNotFound.Get(language), language);
        }

        var folder = LocalBackups.ByName(options, form["backup"]);
        if (folder is null)
        {
            return ErrorPage.Show(context, 400, WebText.NoBackupsFound.Get(language), language);
        }

        var report = await new BackupVerifier(time).VerifyAsync(folder, new VerifyOptions(Deep: true), cancellationToken);
        var facts = BackupFacts.From(report, time, null);
        await sessions.AddEvidenceAsync(session, facts, cancellationToken);
        var verified = facts.Any(f => f.Key == Core.Facts.FactKeys.BackupVerified && f.Value == "true");
        return Results.Redirect($"/s/{id}?notice={(verified ? "backup-ok" : "backup-bad")}");
    }
}
