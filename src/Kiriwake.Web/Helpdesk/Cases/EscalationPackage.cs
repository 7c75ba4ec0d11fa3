using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>
/// The escalation package of a case: the 4013 document's working checklist filled from the case, the owner's
/// consents, and the whole record (the conversation's report with its transcript and facts), as Markdown or JSON.
/// </summary>
public static class EscalationPackage
{
    public static string Markdown(CaseView view, Language language, StaffTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(zone);
        var ja = language == Language.Ja;
        var row = view.Case;
        var kb = view.Conversation.Knowledge;
        var sb = new StringBuilder();
        sb.Append("# ").Append(ja ? "引き継ぎ資料 " : "Escalation package ").Append(CaseCodes.Display(row.Code)).Append("\n\n");
        Line(sb, ja ? "状態" : "Status", row.Status + (row.Outcome is { } o ? " / " + o : ""));
        if (row.EscalatedTo is { } to)
        {
            Line(sb, ja ? "引き継ぎ先" : "Escalated to", to);
        }

        if (row.ConfirmedCause is { } cause)
        {
            Line(sb, ja ? "確認された原因" : "Confirmed cause", $"{view.Conversation.Views.CauseTitle(cause)} ({cause})");
        }

        Line(sb, ja ? "受付" : "Opened", zone.Show(row.CreatedAt));
        if (row.ClosedAt is { } closed)
        {
            Line(sb, ja ? "完了" : "Closed", zone.Show(closed) + " — " + row.ClosedBy);
        }

        if (CaseChecklists.Helpdesk(kb, row.SymptomId) is { } checklist)
        {
            sb.Append("\n## ").Append(checklist.Title.Get(language)).Append("\n\n");
            foreach (var item in CaseChecklists.Fill(checklist, view.Conversation))
            {
                sb.Append(item.Answer is null ? "- [ ] " : "- [x] ").Append(item.Text);
                if (item.Answer is { } answer)
                {
                    sb.Append(" — ").Append(answer).Append(" (").Append(ActorNames.Of(item.Actor ?? EventActor.Person, item.By, ja)).Append(')');
                }

                sb.Append('\n');
            }
        }

        sb.Append("\n## ").Append(ja ? "所有者の同意" : "Owner's consent").Append("\n\n");
        if (view.Consents.Count == 0)
        {
            sb.Append(ja ? "記録なし\n" : "None recorded\n");
        }

        foreach (var c in view.Consents)
        {
            sb.Append("- ").Append(c.ConsentedBy).Append(", ").Append(zone.Show(c.ConsentedAt))
                .Append(", ").Append(MethodName(c.Method, ja)).Append(": ").Append(c.Scope)
                .Append(ja ? "(記録: " : " (recorded by ").Append(c.RecordedBy).Append(ja ? ")\n" : ")\n");
        }

        sb.Append("\n## ").Append(ja ? "回答の記録(誰が答えたか)" : "Answers (who gave them)").Append("\n\n");
        var n = 0;
        foreach (var line in Transcript(view.Conversation, ja))
        {
            sb.Append(++n).Append(". ").Append(line.Title).Append(" — ").Append(line.Answer).Append(" (").Append(line.Who).Append(", ")
                .Append(line.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(")\n");
        }

        sb.Append("\n---\n\n").Append(DiagnosisReportText.ToText(view.Conversation.Report(), language, markdown: true, technician: true));
        return sb.ToString();
    }

    public static byte[] Json(CaseView view, Language language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ja = language == Language.Ja;
        var row = view.Case;
        var kb = view.Conversation.Knowledge;
        var checklist = CaseChecklists.Helpdesk(kb, row.SymptomId);
        var package = new
        {
            caseCode = CaseCodes.Display(row.Code),
            status = row.Status,
            outcome = row.Outcome,
            resolvedBy = row.ResolvedBy,
            confirmedCause = row.ConfirmedCause,
            escalatedTo = row.EscalatedTo,
            openedAt = row.CreatedAt,
            closedAt = row.ClosedAt,
            closedBy = row.ClosedBy,
            checklist = checklist is null ? null : new
            {
                id = checklist.Id,
                title = checklist.Title.Get(language),
                items = CaseChecklists.Fill(checklist, view.Conversation).Select(i => new { i.Id, i.Text, done = i.Answer is not null, i.StepId, i.Answer, actor = i.Actor, by = i.By }),
            },
            consents = view.Consents.Select(c => new { c.ConsentedBy, c.ConsentedAt, c.Method, c.Scope, steps = JsonSerializer.Deserialize<string[]>(c.Steps), c.RecordedBy, c.RecordedAt }),
            answers = Transcript(view.Conversation, ja).Select(l => new { step = l.StepId, l.Title, l.Answer, actor = l.Actor, by = l.By, l.At }),
            report = view.Conversation.Report(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(package, ConversationJson.Options);
    }

    public static string MethodName(string method, bool ja) => method switch
    {
        ConsentMethods.InPerson => ja ? "対面" : "in person",
        ConsentMethods.Phone => ja ? "電話" : "by phone",
        ConsentMethods.SignedForm => ja ? "署名した書面" : "signed form",
        _ => method,
    };

    /// <summary>Every answer in effect, in order, with who gave it (role and account).</summary>
    public static IReadOnlyList<TranscriptLine> Transcript(DiagnosisConversation conversation, bool ja)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var report = conversation.Report();
        var events = SessionReplay.InEffect(conversation.Events);
        return report.Transcript.Select(t =>
        {
            SessionEvent? made = t.Source == AnswerSource.Fact
                ? events.OfType<FactRecorded>().LastOrDefault(f => f.Key == t.FactKey)
                : events.OfType<StepAnswered>().LastOrDefault(a => a.StepId == t.Id);
            var actor = made?.Actor ?? t.Actor;
            return new TranscriptLine(t.Id, t.Title, t.AnswerLabel, actor, made?.By, ActorNames.Of(actor, made?.By, ja), t.At);
        }).ToArray();
    }

    private static void Line(StringBuilder sb, string label, string value) => sb.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
}

/// <summary>One answer of the transcript with who gave it.</summary>
public sealed record TranscriptLine(string StepId, string Title, string Answer, EventActor Actor, string? By, string Who, DateTimeOffset At);
