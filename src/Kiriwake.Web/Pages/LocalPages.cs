using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Local;

namespace Kiriwake.Web.Pages;

/// <summary>Local evidence (only when serving on loopback): the backups on this computer and the connected device.</summary>
public static class LocalPages
{
    public static void MapLocalPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/local/backups", BackupsAsync);
        app.MapGet("/local/device", DeviceAsync);
        app.MapLocalBackupVerify();
        app.MapLocalDeviceFacts();
        app.MapPasswordCheckPage();
    }

    private static async Task<IResult> BackupsAsync(HttpContext context, LocalMode local, KiriwakeWebOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        var body = new Html();
        body.El("h1", WebText.Backups.Get(language));
        var found = LocalBackups.Find(options);
        if (found.Count == 0)
        {
            body.El("p", WebText.NoBackupsFound.Get(language), "class=\"notice\"");
        }

        PasswordCheckPage.WriteLink(body, null, language);
        var verifier = new BackupVerifier(time);
        foreach (var folder in found)
        {
            var report = await verifier.VerifyAsync(folder, new VerifyOptions(), cancellationToken);
            body.Raw("<section class=\"card\">").El("h2", report.Device?.DeviceName ?? Path.GetFileName(folder));
            body.Raw("<dl>").El("dt", WebText.Verdict.Get(language)).El("dd", VerdictText(report.Verdict).Get(language));
            if (report.Date is { } date)
            {
                body.El("dt", WebText.LastBackup.Get(language)).El("dd", date.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            if (report.LogicalBytes is { } bytes)
            {
                body.El("dt", WebText.SizeTotal.Get(language)).El("dd", Size(bytes));
            }

            body.Raw("</dl>").List(report.Reasons.Select(r => BackupReasonTexts.Format(r, language)));
            var (sizes, _) = BackupSizes.Read(folder, null, cancellationToken);
            if (sizes is not null)
            {
                Chart(body, sizes, language);
            }

            body.Raw("</section>");
        }

        return Layout.Page(context, language, WebText.Backups.Get(language), body);
    }

    /// <summary>Sizes by app as a bar chart drawn in HTML (a table that reads without styles or script).</summary>
    private static void Chart(Html body, BackupSizes sizes, Language language)
    {
        var top = sizes.Apps.OrderByDescending(g => g.Bytes).Take(10).ToArray();
        if (top.Length == 0)
        {
            return;
        }

        var max = Math.Max(1, top[0].Bytes);
        body.Raw("<table class=\"sizes\"><caption>").Text(WebText.Sizes.Get(language)).Raw("</caption><tbody>");
        foreach (var g in top)
        {
            var width = Math.Max(1, (int)(100.0 * g.Bytes / max));
            body.Raw("<tr><th scope=\"row\">").Text(g.Name).Raw("</th><td>").Text(Size(g.Bytes))
                .Raw($"<span class=\"bar w{width / 5 * 5}\" aria-hidden=\"true\"></span></td></tr>");
        }

        body.Raw("</tbody></table>");
    }

    private static async Task<IResult> DeviceAsync(HttpContext context, string? session, LocalMode local, KiriwakeWebOptions options, SessionService sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        if (!local.Enabled)
        {
            return ErrorPage.Show(context, 404, WebText.LocalOnly.Get(language), language);
        }

        var body = new Html();
        body.El("h1", WebText.Device.Get(language));
        DeviceFacts facts;
        try
        {
            facts = await DeviceFactsReader.ReadAsync(sessions.Knowledge, new DeviceProbeOptions(), options.ToolsDirectory, time, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            body.El("p", WebText.NoDevice.Get(language), "class=\"notice\"");
            return Layout.Page(context, language, WebText.Device.Get(language), body);
        }

        body.Raw("<dl>").El("dt", WebText.ConnectionState.Get(language)).El("dd", ConnectionStateText.Title(facts.State).Get(language));
        if (facts.Model is { } model)
        {
            body.El("dt", LocalText.Model.Get(language)).El("dd", model.Name ?? model.ProductType);
            if (model.Family is { } family)
            {
                body.El("dt", WebText.FamilyLabel.Get(language)).El("dd", Core.Conversation.ConversationText.FamilyName(family).Get(language));
            }
        }

        if (facts.Identity.ProductVersion is { } version)
        {
            body.El("dt", "iOS").El("dd", version);
        }

        body.Raw("</dl>").List(ConnectionStateText.Fix(facts.State).Select(f => f.Get(language)));
        await LocalDeviceFacts.WriteAsync(body, context, session, facts, language, cancellationToken);
        return Layout.Page(context, language, WebText.Device.Get(language), body);
    }

    private static LocalizedText VerdictText(BackupVerdict verdict) => verdict switch
    {
        BackupVerdict.Complete => new("完了しています", "Complete"),
        BackupVerdict.Interrupted => new("途中で止まっています", "Interrupted"),
        BackupVerdict.Inconsistent => new("中身が揃っていません", "Files are missing or damaged"),
        _ => new("読めません", "Cannot be read"),
    };

    private static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GB"
        : (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
