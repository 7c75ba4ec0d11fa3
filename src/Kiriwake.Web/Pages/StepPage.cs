using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Api;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;

namespace Kiriwake.Web.Pages;

/// <summary>One step on its own page: what to do (for this family and platform only), why now, its risk, the answers.</summary>
public static class StepPage
{
    /// <param name="extras">Markup shown before the answers (local mode: what Kiriwake can do on the connected device).</param>
    /// <summary>A step's instructions for the person's model and computer: each block's heading, numbered steps, warnings.</summary>
    public static void Instructions(Html body, IReadOnlyList<InstructionBlock> blocks, string headingTag)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks)
        {
            if (block.Heading is { Length: > 0 } h)
            {
                body.El(headingTag, h);
            }

            body.List(block.Steps, "ol", "class=\"instructions\"");
            if (block.Warnings.Count > 0)
            {
                body.Raw("<div class=\"notice warn\">").List(block.Warnings).Raw("</div>");
            }
        }
    }

    public static string Write(Html body, HttpContext context, WebSession session, Language language, KiriwakeWebOptions options, string? extras = null)
    {
        var prompt = session.Prompt;
        var step = StepObject.From(prompt, language);
        var view = prompt is StepPrompt s ? s.View : null;
        var number = view?.Number ?? session.Conversation.AnsweredSteps + 1;
        var kind = step.Kind switch
        {
            "action" => WebText.KindAction,
            "escalation" => WebText.KindEscalation,
            _ => WebText.KindQuestion,
        };
        body.Raw("<p class=\"kind\">").Text(string.Format(CultureInfo.InvariantCulture, WebText.StepNumber.Get(language), number)).Text(" · ").Text(kind.Get(language)).Raw("</p>");
        body.El("h1", step.Title, "id=\"step-title\"");
        if (view is not null && view.Instructions.Count > 0)
        {
            body.Raw("<section aria-labelledby=\"howto\"><h2 id=\"howto\">").Text(WebText.HowTo.Get(language)).Raw("</h2>");
            Instructions(body, view.Instructions, "h3");
            body.Raw("</section>");
        }

        if (view?.Notes.Count > 0)
        {
            body.Raw("<section class=\"notice warn\" aria-labelledby=\"notes\"><h2 id=\"notes\">").Text(ConversationText.StepNotesHeading.Get(language)).Raw("</h2>");
            foreach (var note in view.Notes)
            {
                body.Raw("<p><strong>").Text(note.Title).Raw("</strong><br>").Text(note.Text).Raw("</p>");
            }

            body.Raw("</section>");
        }

        if (view?.Prepare.Count > 0)
        {
            body.El("h2", WebText.Bring.Get(language)).List(view.Prepare);
        }

        if (step.Why.Length > 0)
        {
            body.Raw("<section aria-labelledby=\"why\"><h2 id=\"why\">").Text(WebText.WhyNow.Get(language)).Raw("</h2>").El("p", step.Why).Raw("</section>");
        }

        var risky = view is not null && session.Conversation.Model.TryFindStep(view.StepId, out var c) && session.Conversation.Model.RiskOf(c) == Risk.DataLoss;
        body.Raw($"<div class=\"notice{(risky ? " risk-data-loss" : "")}\"><strong>").Text(WebText.RiskHeading.Get(language)).Raw(":</strong> ").Text(step.Risk).Raw("</div>");
        body.Raw(extras ?? "");
        Answers(body, context, session.Id, step.Id, step.Answers, language, step.Kind == "action" ? WebText.YourResult : WebText.YourAnswer);
        SessionPages.WriteFooter(body, context, session, language, options);
        Helpdesk.Pages.HandoverPages.Offer(body, context, session.Id, language); // Helpdesk/ (issue 11)
        return step.Title;
    }

    /// <summary>The answers as large buttons in one form (the chosen button's value is the answer).</summary>
    internal static void Answers(Html body, HttpContext context, string sessionId, string stepId, IReadOnlyList<AnswerChoice> answers, Language language, LocalizedText heading)
    {
        body.Raw($"<form method=\"post\" action=\"/s/{sessionId}/answer\" aria-labelledby=\"answers-label\">").Raw(Layout.Antiforgery(context))
            .Raw($"<input type=\"hidden\" name=\"step\" value=\"{Html.E(stepId)}\">")
            .Raw("<h2 id=\"answers-label\">").Text(heading.Get(language)).Raw("</h2><div class=\"answers\">");
        foreach (var a in answers)
        {
            body.Raw($"<button type=\"submit\" name=\"answer\" value=\"{Html.E(a.Value)}\" data-answer=\"{Html.E(a.Value)}\">").Text(a.Label).Raw("</button>");
        }

        body.Raw("</div></form>");
    }
}
