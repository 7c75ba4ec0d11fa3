using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;

namespace Kiriwake.Web.Pages;

/// <summary>
/// The end: the fix with the acceptance checklist and prevention advice; or the escalation package (what to bring,
/// the whole record) printable and downloadable.
/// </summary>
public static class EndPage
{
    public static string Write(Html body, HttpContext context, WebSession session, FinishPrompt finish, Language language)
    {
        var conversation = session.Conversation;
        var report = conversation.Report();
        string title;
        switch (finish.Outcome)
        {
            case SessionOutcome.Fixed:
                title = WebText.EndFixed.Get(language);
                body.El("h1", title, "id=\"end-title\"");
                body.El("p", string.Format(System.Globalization.CultureInfo.InvariantCulture, WebText.EndFixedBy.Get(language), Core.Text.JapaneseQuotes.Nested(report.ResolvedByTitle ?? "", language)), "class=\"notice ok\"");
                break;
            case SessionOutcome.Escalated:
                title = WebText.EndEscalated.Get(language);
                body.El("h1", title, "id=\"end-title\"");
                body.El("p", string.Format(System.Globalization.CultureInfo.InvariantCulture, WebText.EndEscalatedTo.Get(language), report.ResolvedByTitle ?? ""), "class=\"notice warn\"");
                if (finish.Escalation is { } e)
                {
                    if (e.Why is { Length: > 0 } why)
                    {
                        body.El("p", why);
                    }

                    if (e.Prepare.Count > 0)
                    {
                        body.El("h2", WebText.Bring.Get(language)).List(e.Prepare, "ul", "class=\"checklist-plain\"");
                    }
                }

                break;
            default:
                title = WebText.EndUnresolved.Get(language);
                body.El("h1", title, "id=\"end-title\"");
                body.El("p", WebText.EndUnresolvedHelp.Get(language), "class=\"notice warn\"");
                break;
        }

        if (report.Acceptance.Count > 0)
        {
            body.Raw("<section aria-labelledby=\"acceptance\"><h2 id=\"acceptance\">").Text(WebText.Acceptance.Get(language)).Raw("</h2><ul class=\"checklist\">");
            var n = 0;
            foreach (var a in report.Acceptance)
            {
                n++;
                body.Raw($"<li><input type=\"checkbox\" id=\"a{n}\"><label for=\"a{n}\">").Text(a).Raw("</label></li>");
            }

            body.Raw("</ul></section>");
        }

        if (conversation.Knowledge.Checklists.TryGetValue("prevention-habits", out var prevention))
        {
            body.Raw("<section aria-labelledby=\"prevention\"><h2 id=\"prevention\">").Text(WebText.Prevention.Get(language)).Raw("</h2>")
                .List(prevention.Items.Select(i => i.Text.Get(language))).Raw("</section>");
        }

        body.Raw("<section aria-labelledby=\"transcript\"><h2 id=\"transcript\">").Text(WebText.Transcript.Get(language)).Raw("</h2><ol class=\"transcript\">");
        foreach (var step in report.Transcript)
        {
            body.Raw("<li>").Text(step.Title).Raw(" — <strong>").Text(step.AnswerLabel).Raw("</strong>");
            if (step.Source == AnswerSource.Fact)
            {
                body.Raw(" <span class=\"muted\">").Text(WebText.AnsweredByEvidence.Get(language)).Raw("</span>");
            }

            body.Raw("</li>");
        }

        body.Raw("</ol></section>");
        Helpdesk.Pages.HandoverPages.Offer(body, context, session.Id, language); // Helpdesk/ (issue 11)
        body.Raw("<div class=\"actions-row\">")
            .Raw("<button type=\"button\" class=\"secondary\" data-print hidden>").Text(WebText.Print.Get(language)).Raw("</button>")
            .Raw($"<a class=\"button secondary\" href=\"/s/{session.Id}/report.md\" download>").Text(WebText.DownloadMd.Get(language)).Raw("</a>")
            .Raw($"<a class=\"button secondary\" href=\"/s/{session.Id}/report.json\" download>").Text(WebText.DownloadJson.Get(language)).Raw("</a>");
        if (session.Conversation.Events.Any(e => e.Actor == EventActor.Person))
        {
            body.Raw($"<form method=\"post\" action=\"/s/{session.Id}/undo\">").Raw(Layout.Antiforgery(context))
                .Raw("<button type=\"submit\" class=\"secondary\" id=\"undo\">").Text(WebText.Undo.Get(language)).Raw("</button></form>");
        }

        body.Raw("<a class=\"button\" href=\"/\">").Text(WebText.NewDiagnosis.Get(language)).Raw("</a></div>");
        return title;
    }
}
