using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Pages;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>
/// A case as staff see it: the role's checklist, the current step with its answers (recorded as the signed-in
/// account), the owner's consent, the transcript with who answered, facts and evidence, and closing.
/// </summary>
public static class CasePage
{
    public static IResult Render(HttpContext context, CaseView view, Language language, string? error)
    {
        var ja = language == Language.Ja;
        var staff = Staff.Of(context.User);
        var row = view.Case;
        var code = CaseCodes.Display(row.Code);
        var conversation = view.Conversation;
        var kb = conversation.Knowledge;
        var body = new Html();
        var symptom = kb.Symptoms.TryGetValue(row.SymptomId, out var s) ? s.Title.Get(language) : row.SymptomId;
        body.Raw("<p class=\"kind\"><a href=\"/helpdesk/cases\">").Text(ja ? "案件一覧" : "Case queue").Raw("</a></p>");
        body.Raw("<h1 id=\"case-title\">").Text(ja ? "案件 " : "Case ").Raw("<span class=\"case-code-inline\">").Text(code).Raw("</span></h1>");
        body.Raw("<dl class=\"case-facts\">")
            .Raw("<dt>").Text(ja ? "症状" : "Symptom").Raw("</dt><dd>").Text(symptom).Raw(" <span class=\"muted\">").Text(row.SymptomId).Raw("</span></dd>")
            .Raw("<dt>").Text(ja ? "状態" : "Status").Raw("</dt><dd>").Text(QueuePage.StatusName(row, ja)).Raw("</dd>")
            .Raw("<dt>").Text(ja ? "受付" : "Opened").Raw("</dt><dd>").Text(Time(context, row.CreatedAt)).Raw("</dd>")
            .Raw("<dt>").Text(ja ? "あなた" : "You").Raw("</dt><dd>").Text(staff.Name).Raw(" (").Text(HelpdeskHome.RoleName(staff.Role, ja)).Raw(")</dd>");
        if (!view.SessionAlive && !view.Closed)
        {
            body.Raw("<dt>").Text(ja ? "本人のセッション" : "Person's session").Raw("</dt><dd>").Text(ja ? "期限切れ(案件の写しで続けます)" : "expired (continuing from the case's copy)").Raw("</dd>");
        }

        body.Raw("</dl>");
        if (error is { Length: > 0 })
        {
            body.El("p", error, "class=\"notice error\" role=\"alert\" id=\"case-error\"");
        }

        if (!view.Closed)
        {
            // The helpdesk's checklist when the case is opened; the technician's before device work.
            var checklist = staff.IsTechnician && NeedsDeviceWork(view) ? CaseChecklists.Technician(kb, row.SymptomId) : CaseChecklists.Helpdesk(kb, row.SymptomId);
            if (checklist is not null)
            {
                Checklist(body, checklist, conversation, ja, language);
            }

            Current(body, context, view, staff, language);
            Consent(body, context, view, staff, language);
        }
        else
        {
            body.Raw("<div class=\"notice ok\" id=\"closed\"><p>").Text(ja ? "この案件は閉じられています: " : "This case is closed: ")
                .Text(row.Outcome == CaseOutcomes.Fixed ? (ja ? "解決" : "fixed") : (ja ? "引き継ぎ" : "escalated"))
                .Text(row.ResolvedBy is { } r ? " — " + conversation.Views.Title(r) : "")
                .Text(row.ClosedAt is { } at ? $" ({Time(context, at)}, {row.ClosedBy})" : "").Raw("</p></div>");
        }

        Transcript(body, context, conversation, ja);
        Facts(body, conversation, language);
        ConsentList(body, context, view, ja);
        if (!view.Closed)
        {
            CloseForm(body, context, view, language);
        }

        body.Raw("<div class=\"actions-row\">")
            .Raw($"<a class=\"button secondary\" href=\"/helpdesk/cases/{row.Code}/package\">").Text(ja ? "引き継ぎ資料(印刷用)" : "Escalation package (printable)").Raw("</a>")
            .Raw($"<a class=\"button secondary\" href=\"/helpdesk/cases/{row.Code}/package.md\" download>").Text(ja ? "Markdownで保存" : "Download Markdown").Raw("</a>")
            .Raw($"<a class=\"button secondary\" href=\"/helpdesk/cases/{row.Code}/package.json\" download>").Text(ja ? "JSONで保存" : "Download JSON").Raw("</a>");
        if (!view.Closed)
        {
            var waiting = row.Status == CaseStatus.Waiting;
            body.Raw($"<form method=\"post\" action=\"/helpdesk/cases/{row.Code}/waiting\">").Raw(Layout.Antiforgery(context))
                .Raw($"<input type=\"hidden\" name=\"waiting\" value=\"{(waiting ? "false" : "true")}\">")
                .Raw("<button type=\"submit\" class=\"secondary\" id=\"waiting\">")
                .Text(waiting ? (ja ? "本人待ちを解除" : "No longer waiting for the person") : (ja ? "本人の対応待ちにする" : "Mark as waiting for the person")).Raw("</button></form>");
        }

        body.Raw("</div>");
        return Layout.Page(context, language, (ja ? "案件 " : "Case ") + code, body, error is null ? 200 : 400);
    }

    /// <summary>Device work is near when the current step, or a step held back for consent, is an action of high or data-loss risk.</summary>
    private static bool NeedsDeviceWork(CaseView view)
    {
        var model = view.Conversation.Model;
        if (view.Prompt is StepPrompt step && model.TryFindStep(step.View.StepId, out var c) && model.RiskOf(c) >= Risk.High)
        {
            return true;
        }

        return view.Prompt is GatePrompt;
    }

    private static void Checklist(Html body, Checklist checklist, DiagnosisConversation conversation, bool ja, Language language)
    {
        body.Raw("<section aria-labelledby=\"role-checklist\" class=\"case-checklist\"><h2 id=\"role-checklist\">").Text(checklist.Title.Get(language)).Raw("</h2>")
            .El("p", checklist.Purpose.Get(language), "class=\"muted\"").Raw("<ul class=\"checklist\">");
        foreach (var item in CaseChecklists.Fill(checklist, conversation))
        {
            body.Raw(item.Answer is null ? "<li><span class=\"mark\" aria-hidden=\"true\">☐</span> " : "<li><span class=\"mark done\" aria-hidden=\"true\">☑</span> ").Text(item.Text);
            body.Raw(item.Answer is null ? " <span class=\"visually-hidden\">" : " — <span class=\"muted\">");
            body.Text(item.Answer is { } a ? $"{a} ({ActorNames.Of(item.Actor ?? EventActor.Person, item.By, ja)})" : ja ? "(未確認)" : "(not yet)").Raw("</span></li>");
        }

        body.Raw("</ul></section>");
    }

    private static void Current(Html body, HttpContext context, CaseView view, Staff staff, Language language)
    {
        var ja = language == Language.Ja;
        var code = view.Case.Code;
        body.Raw("<section aria-labelledby=\"current\" class=\"case-current\"><h2 id=\"current\">").Text(ja ? "現在のステップ" : "Current step").Raw("</h2>");
        switch (view.Prompt)
        {
            case FinishPrompt f:
                body.El("p", f.Outcome switch
                {
                    SessionOutcome.Fixed => ja ? "会話は「解決」で終わっています。受け入れ基準を確認して閉じてください。" : "The conversation ended fixed. Check the acceptance criteria and close the case.",
                    SessionOutcome.Escalated => ja ? "会話は引き継ぎで終わっています。引き継ぎ資料を用意して閉じてください。" : "The conversation ended in an escalation. Prepare the package and close the case.",
                    _ => ja ? "提案できる手順が残っていません。引き継ぎ先を選んで閉じてください。" : "No step is left to propose. Choose where to escalate and close the case.",
                }, "class=\"notice\"");
                break;
            case StepPrompt step:
                var v = step.View;
                body.El("h3", v.Title, "id=\"step-title\"");
                StepPage.Instructions(body, v.Instructions, "h4");

                if (v.Risk is { Length: > 0 })
                {
                    body.Raw("<p class=\"notice\"><strong>").Text(ja ? "リスク" : "Risk").Raw(":</strong> ").Text(v.Risk).Raw("</p>");
                }
                var model = view.Conversation.Model;
                var dataLoss = model.TryFindStep(v.StepId, out var c) && model.RiskOf(c) == Risk.DataLoss;
                if (dataLoss && !staff.IsTechnician)
                {
                    body.El("p", ja ? "データが消える手順です。技術担当が行い、結果を記録します。" : "This step erases data: a technician does it and records the result.", "class=\"notice warn\" id=\"technician-only\"");
                }
                else
                {
                    Answers(body, context, code, step.Id, step.Choices, ja);
                }

                break;
            case GatePrompt gate:
                body.El("p", gate.Question, "id=\"gate-question\"");
                var choices = gate.Gate == Gate.OwnerConsent ? gate.Choices.Where(ch => ch.Value != "yes").ToArray() : gate.Choices;
                if (gate.Gate == Gate.OwnerConsent)
                {
                    body.El("p", ja ? "所有者の同意は、技術担当が下の「所有者の同意を記録」で記録します。" : "A technician records the owner's consent below (\"Record the owner's consent\").", "class=\"notice warn\"");
                }

                Answers(body, context, code, gate.Id, choices, ja);
                break;
            default:
                body.El("p", view.Prompt switch
                {
                    PlatformPrompt p => p.Question,
                    DevicePrompt d => d.Question,
                    _ => "",
                }, "id=\"context-question\"");
                Answers(body, context, code, view.Prompt.Id, view.Prompt.Choices, ja);
                break;
        }

        if (view.Conversation.Events.Any(SessionReplay.IsAnswer))
        {
            body.Raw($"<form method=\"post\" action=\"/helpdesk/cases/{code}/undo\">").Raw(Layout.Antiforgery(context))
                .Raw("<button type=\"submit\" class=\"secondary\" id=\"undo\">").Text(ja ? "最後の回答を取り消す" : "Take back the last answer").Raw("</button></form>");
        }

        body.Raw("</section>");
    }

    private static void Answers(Html body, HttpContext context, string code, string stepId, IReadOnlyList<AnswerChoice> choices, bool ja)
    {
        body.Raw($"<form method=\"post\" action=\"/helpdesk/cases/{code}/answer\" aria-labelledby=\"answers-label\">").Raw(Layout.Antiforgery(context))
            .Raw($"<input type=\"hidden\" name=\"step\" value=\"{Html.E(stepId)}\">")
            .Raw("<p id=\"answers-label\">").Text(ja ? "回答(あなたの名前で記録されます)" : "Answer (recorded under your name)").Raw("</p><div class=\"answers\">");
        foreach (var a in choices)
        {
            body.Raw($"<button type=\"submit\" name=\"answer\" value=\"{Html.E(a.Value)}\" data-answer=\"{Html.E(a.Value)}\">").Text(a.Label).Raw("</button>");
        }

        body.Raw("</div></form>");
    }

    private static void Consent(Html body, HttpContext context, CaseView view, Staff staff, Language language)
    {
        var ja = language == Language.Ja;
        var awaiting = CaseService.AwaitingConsent(view);
        if (awaiting.Count == 0)
        {
            return;
        }

        var zone = context.RequestServices.GetRequiredService<StaffTimeZone>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

        body.Raw("<section aria-labelledby=\"consent\" class=\"case-consent\"><h2 id=\"consent\">").Text(ja ? "所有者の同意を記録" : "Record the owner's consent").Raw("</h2>");
        if (view.Conversation.Knowledge.Content.Notes.FirstOrDefault(n => n.Id == "owner-approval-and-records") is { } note)
        {
            body.El("p", note.Text.Get(language), "class=\"notice warn\"");
        }

        body.El("p", ja ? "次の手順は所有者の同意があるまで保留されています:" : "These steps wait for the owner's consent:");
        if (!staff.IsTechnician)
        {
            body.List(awaiting.Select(a => a.Title));
            body.El("p", ja ? "同意を記録できるのは技術担当だけです。" : "Only a technician records the owner's consent.", "class=\"muted\" id=\"consent-technician-only\"");
            body.Raw("</section>");
            return;
        }

        body.Raw($"<form method=\"post\" action=\"/helpdesk/cases/{view.Case.Code}/consent\" id=\"consent-form\">").Raw(Layout.Antiforgery(context))
            .Raw("<fieldset><legend>").Text(ja ? "同意した手順" : "Steps consented to").Raw("</legend><ul class=\"checklist\">");
        var n = 0;
        foreach (var a in awaiting)
        {
            n++;
            body.Raw($"<li><input type=\"checkbox\" name=\"steps\" value=\"{Html.E(a.ActionId)}\" id=\"cs{n}\" checked><label for=\"cs{n}\">").Text(a.Title).Raw("</label></li>");
        }

        body.Raw("</ul></fieldset>")
            .Raw("<label for=\"consented-by\">").Text(ja ? "同意した人(所有者)の名前" : "Who consented (the owner's name)").Raw("</label>")
            .Raw("<input id=\"consented-by\" name=\"consentedBy\" required maxlength=\"200\" autocomplete=\"off\">")
            .Raw("<label for=\"consented-at\">").Text(ja ? $"同意した日時({zone.OffsetNow(now)})" : $"When ({zone.OffsetNow(now)})").Raw("</label>")
            .Raw($"<input id=\"consented-at\" name=\"consentedAt\" type=\"datetime-local\" required value=\"{Html.E(zone.FormValue(now))}\">")
            .Raw("<fieldset><legend>").Text(ja ? "同意の方法" : "How").Raw("</legend><ul class=\"checklist\">");
        foreach (var method in ConsentMethods.All)
        {
            body.Raw($"<li><input type=\"radio\" name=\"method\" value=\"{method}\" id=\"m-{method}\" required><label for=\"m-{method}\">").Text(EscalationPackage.MethodName(method, ja)).Raw("</label></li>");
        }

        body.Raw("</ul></fieldset><button type=\"submit\" id=\"record-consent\">").Text(ja ? "同意を記録する" : "Record consent").Raw("</button></form></section>");
    }

    private static void ConsentList(Html body, HttpContext context, CaseView view, bool ja)
    {
        if (view.Consents.Count == 0)
        {
            return;
        }

        body.Raw("<section aria-labelledby=\"consents\"><h2 id=\"consents\">").Text(ja ? "記録された同意" : "Consents recorded").Raw("</h2><ul>");
        foreach (var c in view.Consents)
        {
            body.Raw("<li>").Text($"{c.ConsentedBy} — {Time(context, c.ConsentedAt)} — {EscalationPackage.MethodName(c.Method, ja)}: {c.Scope} ")
                .Raw("<span class=\"muted\">").Text(ja ? $"(記録: {c.RecordedBy})" : $"(recorded by {c.RecordedBy})").Raw("</span></li>");
        }

        body.Raw("</ul></section>");
    }

    private static void Transcript(Html body, HttpContext context, DiagnosisConversation conversation, bool ja)
    {
        body.Raw("<section aria-labelledby=\"transcript\"><h2 id=\"transcript\">").Text(ja ? "これまでの回答" : "Transcript").Raw("</h2>");
        var lines = EscalationPackage.Transcript(conversation, ja);
        if (lines.Count == 0)
        {
            body.El("p", ja ? "まだ回答はありません。" : "No answers yet.", "class=\"muted\"");
        }
        else
        {
            body.Raw("<div class=\"table-scroll\"><table class=\"transcript-table\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">").Text(ja ? "ステップ" : "Step")
                .Raw("</th><th scope=\"col\">").Text(ja ? "回答" : "Answer").Raw("</th><th scope=\"col\">").Text(ja ? "回答者" : "Answered by")
                .Raw("</th><th scope=\"col\">").Text(ja ? "時刻" : "Time").Raw("</th></tr></thead><tbody>");
            var n = 0;
            foreach (var l in lines)
            {
                body.Raw("<tr><td>").Text((++n).ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(l.Title).Raw("</td><td>").Text(l.Answer)
                    .Raw($"</td><td data-actor=\"{Html.E(l.Actor.ToString())}\">").Text(l.Who).Raw("</td><td>").Text(Time(context, l.At)).Raw("</td></tr>");
            }

            body.Raw("</tbody></table></div>");
        }

        body.Raw("</section>");
    }

    private static void Facts(Html body, DiagnosisConversation conversation, Language language)
    {
        var ja = language == Language.Ja;
        var report = conversation.Report();
        body.Raw("<section aria-labelledby=\"facts\"><h2 id=\"facts\">").Text(ja ? "分かっていること" : "Facts").Raw("</h2>");
        if (report.FactLines.Count == 0)
        {
            body.El("p", ja ? "まだありません。" : "None yet.", "class=\"muted\"");
        }
        else
        {
            body.Raw("<dl class=\"case-facts\">");
            foreach (var f in report.FactLines)
            {
                body.Raw("<dt>").Text(f.Label).Raw("</dt><dd>").Text(f.Value).Raw(" <span class=\"muted\">").Text(f.Key).Raw("</span></dd>");
            }

            body.Raw("</dl>");
        }

        var evidence = SessionReplay.InEffect(conversation.Events).OfType<FactRecorded>().Where(f => f.Actor == EventActor.EvidenceReader).ToArray();
        body.Raw("<h3>").Text(ja ? "証拠の要約" : "Evidence summary").Raw("</h3>");
        if (evidence.Length == 0)
        {
            body.El("p", ja ? "読み取った証拠(貼り付けた文、ログ、バックアップ、デバイス)はありません。" : "No evidence was read (pasted text, logs, backups, the device).", "class=\"muted\"");
        }
        else
        {
            body.Raw("<ul>");
            foreach (var f in evidence)
            {
                var label = FactText.IsKnown(f.Key) ? FactText.Label(f.Key, language) : f.Key;
                var value = FactText.IsKnown(f.Key) ? FactText.Value(conversation.Knowledge, f.Key, f.Value, language) : f.Value;
                body.Raw("<li>").Text($"{label}: {value}").Raw(" <span class=\"muted\">").Text(SourceName(f.Source, ja)).Raw("</span></li>");
            }

            body.Raw("</ul>");
        }

        if (report.TopCauses.Count > 0)
        {
            body.Raw("<h3>").Text(ja ? "可能性の高い原因" : "Likely causes").Raw("</h3><ul>");
            foreach (var c in report.TopCauses)
            {
                body.Raw("<li>").Text($"{c.Title} — {c.Probability.ToString("P0", CultureInfo.InvariantCulture)}").Raw("</li>");
            }

            body.Raw("</ul>");
        }

        body.Raw("</section>");
    }

    /// <summary>Where a fact came from, without the text that was pasted (only what kind of evidence it was).</summary>
    private static string SourceName(string source, bool ja)
    {
        var kind = source.Split(':', 2)[0];
        return kind switch
        {
            "log" => ja ? "(貼り付けた文・ログから)" : "(from pasted text or a log)",
            "backup" => ja ? "(バックアップから)" : "(from a backup)",
            "device" => ja ? "(デバイスから)" : "(from the device)",
            _ => "",
        };
    }

    private static void CloseForm(Html body, HttpContext context, CaseView view, Language language)
    {
        var ja = language == Language.Ja;
        var conversation = view.Conversation;
        var code = view.Case.Code;
        body.Raw("<section aria-labelledby=\"close\" class=\"case-close\"><h2 id=\"close\">").Text(ja ? "案件を閉じる" : "Close the case").Raw("</h2>")
            .Raw($"<form method=\"post\" action=\"/helpdesk/cases/{code}/close\" id=\"close-form\">").Raw(Layout.Antiforgery(context));
        var fixedOutcome = conversation.Snapshot.Outcome == SessionOutcome.Fixed;
        body.Raw("<fieldset><legend>").Text(ja ? "結果" : "Outcome").Raw("</legend><ul class=\"checklist\">")
            .Raw($"<li><input type=\"radio\" name=\"outcome\" value=\"fixed\" id=\"o-fixed\"{(fixedOutcome ? " checked" : "")}><label for=\"o-fixed\">")
            .Text(ja ? "解決" : "Fixed").Text(conversation.Snapshot is { Outcome: SessionOutcome.Fixed, FixedBy: { } by } ? $" — {conversation.Views.Title(by.Id)}" : ja ? "(直った手順に「直った」と答えてから)" : " (after answering \"fixed\" on the step that fixed it)")
            .Raw("</label></li>")
            .Raw($"<li><input type=\"radio\" name=\"outcome\" value=\"escalated\" id=\"o-escalated\"{(fixedOutcome ? "" : " checked")}><label for=\"o-escalated\">").Text(ja ? "引き継ぎ" : "Escalated").Raw("</label></li></ul></fieldset>");
        body.Raw("<label for=\"escalated-to\">").Text(ja ? "引き継ぎ先(引き継ぎのとき)" : "Escalated to (when escalated)").Raw("</label><select id=\"escalated-to\" name=\"escalatedTo\">");
        var suggested = conversation.Snapshot is { Outcome: SessionOutcome.Escalated, FixedBy: { } esc } ? CaseService.EscalationTarget(esc.Id) : null;
        foreach (var t in EscalationTargets.All)
        {
            body.Raw($"<option value=\"{t}\"{(t == suggested ? " selected" : "")}>").Text(TargetName(t, ja)).Raw("</option>");
        }

        body.Raw("</select><label for=\"confirmed-cause\">").Text(ja ? "確認された原因(分かれば)" : "Confirmed cause (if known)").Raw("</label><select id=\"confirmed-cause\" name=\"confirmedCause\"><option value=\"\">")
            .Text(ja ? "不明" : "Not known").Raw("</option>");
        var cases = context.RequestServices.GetRequiredService<CaseService>();
        foreach (var cause in cases.Causes(view.Case.SymptomId))
        {
            body.Raw($"<option value=\"{Html.E(cause)}\">").Text(conversation.Views.CauseTitle(cause)).Raw("</option>");
        }

        body.Raw("</select>");
        var criteria = CaseService.Acceptance(view);
        body.Raw("<fieldset><legend>").Text(ja ? "受け入れ基準(解決で閉じるときはすべて確認)" : "Acceptance criteria (all ticked to close as fixed)").Raw("</legend><ul class=\"checklist\">");
        var n = 0;
        foreach (var c in criteria)
        {
            n++;
            body.Raw($"<li><input type=\"checkbox\" name=\"acceptance\" value=\"{Html.E(c.Id)}\" id=\"acc{n}\"><label for=\"acc{n}\">").Text(c.Text.Get(language)).Raw("</label></li>");
        }

        body.Raw("</ul></fieldset><button type=\"submit\" id=\"close-case\">").Text(ja ? "閉じる" : "Close the case").Raw("</button></form></section>");
    }

    public static string TargetName(string target, bool ja) => target switch
    {
        EscalationTargets.Apple => ja ? "Appleサポート" : "Apple Support",
        EscalationTargets.RepairShop => ja ? "修理店(正規サービスプロバイダ)" : "Repair shop (Authorized Service Provider)",
        EscalationTargets.DeviceAdministrator => ja ? "デバイスの管理者(会社・学校)" : "The device's administrator (company, school)",
        _ => target,
    };

    /// <summary>A time as the staff read it: in the helpdesk's time zone, with its offset.</summary>
    public static string Time(HttpContext context, DateTimeOffset at) => context.RequestServices.GetRequiredService<StaffTimeZone>().Show(at);
}
