using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;

namespace Kiriwake.Web.Pages;

/// <summary>
/// The gate before anything that erases: what will be lost, a way to a verified backup (on this computer: pick a
/// backup and have it checked), or explicit acceptance of the loss.
/// </summary>
public static class GatePage
{
    public static async Task<string> WriteAsync(Html body, HttpContext context, WebSession session, GatePrompt gate, Language language, bool local, KiriwakeWebOptions options, TimeProvider time)
    {
        body.Raw("<p class=\"kind\">").Text(WebText.KindGate.Get(language)).Raw("</p>");
        body.El("h1", WebText.GateTitle.Get(language), "id=\"step-title\"");
        body.El("p", gate.Question);
        body.Raw("<section class=\"notice risk-data-loss\" aria-labelledby=\"lost\"><h2 id=\"lost\">").Text(WebText.GateWillBeLost.Get(language)).Raw("</h2>")
            .El("p", WebText.GateLostItems.Get(language)).El("p", WebText.GateWillErase.Get(language)).List(gate.HeldBack).Raw("</section>");
        body.El("p", WebText.GateExplain.Get(language));
        body.Raw("<p><a href=\"/kb/checklists/after-backup-verification\">").Text(session.Conversation.Knowledge.Checklists.TryGetValue("after-backup-verification", out var c) ? c.Title.Get(language) : WebText.Checklists.Get(language)).Raw("</a></p>");
        if (local && gate.Gate == Core.Knowledge.Gate.BackupVerified)
        {
            await DeviceActionPages.WriteOfferAsync(body, context, session.Id, Core.Actions.DeviceAction.MakeVerifiedBackup, language, context.RequestAborted);
            await LocalBackupPicker.WriteAsync(body, context, session.Id, language, options, time);
            PasswordCheckPage.WriteLink(body, session.Id, language);
        }

        StepPage.Answers(body, context, session.Id, gate.Id, gate.Choices, language, WebText.YourChoice);
        SessionPages.WriteFooter(body, context, session, language, options);
        return WebText.GateTitle.Get(language);
    }

    public static string Notice(string notice, Language language)
    {
        var html = new Html();
        return notice == "backup-ok"
            ? html.El("p", WebText.BackupVerifiedNotice.Get(language), "class=\"notice ok\" role=\"status\"").ToString()
            : html.El("p", WebText.BackupNotVerifiedNotice.Get(language), "class=\"notice error\" role=\"alert\"").ToString();
    }
}
