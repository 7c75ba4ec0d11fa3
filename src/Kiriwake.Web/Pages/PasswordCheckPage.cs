using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Local;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>
/// Local mode: does the password the person remembers open an encrypted backup on this computer? The password is
/// read from the form into bytes, used once and zeroed; it is never stored, logged or shown back. Started from a
/// session, the result's backup facts go into it (a complete backup the password opens is a verified backup).
/// </summary>
public static class PasswordCheckPage
{
    public const string Path = "/local/backups/password";

    public static void MapPasswordCheckPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ShowAsync);
        app.MapPost(Path, CheckAsync).DisableAntiforgery();
    }

    /// <summary>The link to this page, carrying the session it feeds.</summary>
    public static void WriteLink(Html body, string? sessionId, Language language)
    {
        ArgumentNullException.ThrowIfNull(body);
        var query = sessionId is null ? "" : "?session=" + Html.Url(sessionId);
        body.Raw($"<p><a href=\"{Path}{query}\" id=\"check-password\">").Text(LocalText.PasswordTitle.Get(language)).Raw("</a></p>");
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string? session, LocalMode local, KiriwakeWebOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        var body = new Html();
        body.El("h1", LocalText.PasswordTitle.Get(language)).El("p", LocalText.PasswordLead.Get(language));
        await WriteFormAsync(body, context, session, options, time, language, cancellationToken);
        return Layout.Page(context, language, LocalText.PasswordTitle.Get(language), body);
    }

    private static async Task WriteFormAsync(Html body, HttpContext context, string? session, KiriwakeWebOptions options, TimeProvider time, Language language, CancellationToken cancellationToken)
    {
        var encrypted = await EncryptedBackupsAsync(options, time, language, cancellationToken);
        if (encrypted.Count == 0)
        {
            body.El("p", LocalText.NoEncrypted.Get(language), "class=\"notice\"");
            return;
        }

        body.Raw($"<form method=\"post\" action=\"{Path}\">").Raw(Layout.Antiforgery(context));
        if (!string.IsNullOrEmpty(session))
        {
            body.Raw($"<input type=\"hidden\" name=\"session\" value=\"{Html.E(session)}\">");
        }

        body.Raw("<p><label for=\"backup\">").Text(LocalText.WhichBackup.Get(language)).Raw("</label><select id=\"backup\" name=\"backup\">");
        foreach (var (name, label) in encrypted)
        {
            body.Raw($"<option value=\"{Html.E(name)}\">").Text(label).Raw("</option>");
        }

        body.Raw("</select></p><p><label for=\"password\">").Text(LocalText.PasswordLabel.Get(language)).Raw("</label>")
            .Raw("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"off\" required aria-describedby=\"password-help\"></p>")
            .El("p", LocalText.Checking.Get(language), "id=\"password-help\" class=\"help\"")
            .Raw("<p><button type=\"submit\" id=\"check\">").Text(LocalText.CheckPassword.Get(language)).Raw("</button></p></form>");
    }

    private static async Task<IResult> CheckAsync(HttpContext context, SessionService sessions, IAntiforgery antiforgery, LocalMode local, KiriwakeWebOptions options, TimeProvider time, CancellationToken cancellationToken)
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

        var folder = LocalBackups.ByName(options, form["backup"]);
        if (folder is null)
        {
            return ErrorPage.Show(context, 400, WebText.NoBackupsFound.Get(language), language);
        }

        var sessionId = form["session"].ToString();
        var typed = form["password"].ToString();
        var (status, facts) = await UnlockAndVerifyAsync(folder, typed.Length == 0 ? null : Encoding.UTF8.GetBytes(typed), time, cancellationToken);
        var complete = facts.Any(f => f.Key == FactKeys.BackupVerified && f.Value == "true");

        var body = new Html();
        body.El("h1", LocalText.PasswordTitle.Get(language));
        var ok = status is UnlockStatus.Unlocked or UnlockStatus.NotEncrypted;
        body.El("p", LocalText.Unlock(status, complete).Get(language), ok ? "class=\"notice ok\" id=\"password-result\" role=\"status\"" : "class=\"notice error\" id=\"password-result\" role=\"alert\"");
        if (sessionId.Length > 0 && facts.Count > 0 && await sessions.LoadAsync(sessionId, language, cancellationToken) is { } session)
        {
            try
            {
                await sessions.AddEvidenceAsync(session, facts, cancellationToken);
                body.El("p", LocalText.AddedToDiagnosis.Get(language));
            }
            catch (SessionConflictException)
            {
                body.El("p", LocalText.NotRecorded.Get(language), "class=\"notice warn\"");
            }
        }

        if (status == UnlockStatus.WrongPassword)
        {
            body.El("h2", LocalText.CheckAnother.Get(language));
            await WriteFormAsync(body, context, sessionId.Length > 0 ? sessionId : null, options, time, language, cancellationToken);
        }

        if (sessionId.Length > 0)
        {
            body.Raw($"<p><a class=\"button\" id=\"continue\" href=\"/s/{Html.E(sessionId)}\">").Text(LocalText.Continue.Get(language)).Raw("</a></p>");
        }

        return Layout.Page(context, language, LocalText.PasswordTitle.Get(language), body);
    }

    /// <summary>Opens the keybag with the password (zeroed afterwards); when it opens, checks every file with the keys.</summary>
    internal static async Task<(UnlockStatus Status, IReadOnlyList<Fact> Facts)> UnlockAndVerifyAsync(string folder, byte[]? password, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var (locked, ended) = BackupUnlocker.Prepare(folder);
            var result = locked is null ? ended! : await BackupUnlocker.UnlockAsync(locked, password, null, cancellationToken);
            var verifier = new BackupVerifier(time);
            return result.Status switch
            {
                UnlockStatus.Unlocked => (result.Status, BackupFacts.From(await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true, Keys: result.Keys), cancellationToken), time, null)),
                UnlockStatus.WrongPassword or UnlockStatus.NoPassword => (result.Status, [new Fact(FactKeys.BackupEncrypted, "true", new FactSource(FactSourceKind.Backup, folder), "Manifest.plist IsEncrypted")]),
                _ => (result.Status, []),
            };
        }
        finally
        {
            if (password is not null)
            {
                CryptographicOperations.ZeroMemory(password);
            }
        }
    }

    private static async Task<IReadOnlyList<(string Name, string Label)>> EncryptedBackupsAsync(KiriwakeWebOptions options, TimeProvider time, Language language, CancellationToken cancellationToken)
    {
        var verifier = new BackupVerifier(time);
        var found = new List<(string, string)>();
        foreach (var folder in LocalBackups.Find(options))
        {
            var report = await verifier.VerifyAsync(folder, new VerifyOptions(), cancellationToken);
            if (report.Encrypted != true)
            {
                continue;
            }

            var device = report.Device?.DeviceName ?? (language == Language.Ja ? "名前のない端末" : "Unnamed device");
            var date = report.Date is { } d ? d.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "?";
            found.Add((System.IO.Path.GetFileName(folder), $"{device} — {date}"));
        }

        return found;
    }
}
