using System.Globalization;
using System.Text;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>The report as plain text or Markdown (the escalation package) in the person's language, without ids or
/// engine figures; the technician form adds step ids, fact keys and probabilities.</summary>
public static class DiagnosisReportText
{
    public static readonly LocalizedText Report = new("診断レポート", "Diagnosis report");
    public static readonly LocalizedText OutcomeHeading = new("結果", "Outcome");
    public static readonly LocalizedText FixedBy = new("解決: {0}", "Fixed by: {0}");
    public static readonly LocalizedText EscalatedTo = new("相談先: {0}", "Handed over to: {0}");
    public static readonly LocalizedText Unresolved = new("未解決(試せる手順がもうありません)", "Not resolved (no useful step is left)");
    public static readonly LocalizedText InProgress = new("中断中(あとで再開できます)", "Paused (you can resume later)");
    public static readonly LocalizedText TranscriptHeading = new("これまでの回答", "What was answered");
    public static readonly LocalizedText TimeSpent = new("かかった時間: {0} 分(手順の目安の合計: {1} 分)", "Time spent: {0} min (the steps' usual total: {1} min)");
    public static readonly LocalizedText CausesHeading = new("考えられる原因", "Likely causes");
    public static readonly LocalizedText FactsHeading = new("分かっていること", "What is known");
    public static readonly LocalizedText ByEvidence = new("(自動で確認)", "(checked automatically)");
    public static readonly LocalizedText SupportHeading = new("サポート担当者へ", "For the support agent");
    public static readonly LocalizedText HeldBackLine = new("まだ行っていない手順: {0}", "Not done yet: {0}");
    public static readonly LocalizedText AcceptanceHeading = new("完了の確認事項", "Check before closing");
    public static readonly LocalizedText NotesHeading = new("知っておくこと", "Good to know");
    public static readonly LocalizedText ReplayHeading = new("再開時の注意", "Note on resuming");

    public static string ToText(DiagnosisReport report, Language language, bool markdown, bool technician = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var h1 = markdown ? "# " : "";
        var h2 = markdown ? "## " : "";
        var bullet = markdown ? "- " : "  • ";
        sb.Append(h1).Append(Report.Get(language)).Append(language == Language.Ja ? ": " : ": ").AppendLine(report.SymptomTitle);
        sb.AppendLine();
        sb.Append(h2).AppendLine(OutcomeHeading.Get(language));
        var by = report.ResolvedByTitle ?? report.ResolvedBy ?? "";
        sb.Append(bullet).AppendLine(report.Outcome switch
        {
            SessionOutcome.Fixed => F(FixedBy, language, by),
            SessionOutcome.Escalated => F(EscalatedTo, language, by),
            SessionOutcome.Unresolved => Unresolved.Get(language),
            _ => InProgress.Get(language),
        });
        sb.Append(bullet).AppendLine(F(TimeSpent, language, Num(report.ElapsedMinutes), Num(report.NominalMinutes)));
        if (report.Transcript.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(TranscriptHeading.Get(language));
            var n = 1;
            foreach (var step in report.Transcript)
            {
                sb.Append(markdown ? "" : "  ").Append(n++.ToString(CultureInfo.InvariantCulture)).Append(". ")
                    .Append(step.Title).Append(language == Language.Ja ? " → " : " → ").Append(step.AnswerLabel);
                if (step.Source == AnswerSource.Fact)
                {
                    sb.Append(' ').Append(ByEvidence.Get(language));
                }

                if (technician)
                {
                    sb.Append(" [").Append(step.Id).Append(": ").Append(step.Answer).Append(step.FactKey is { } k ? ", " + k : "").Append(']');
                }

                sb.AppendLine();
            }
        }

        sb.AppendLine();
        sb.Append(h2).AppendLine(CausesHeading.Get(language));
        foreach (var c in report.TopCauses)
        {
            sb.Append(bullet).Append(c.Title);
            if (technician)
            {
                sb.Append(' ').Append(c.Probability.ToString("0%", CultureInfo.InvariantCulture)).Append(" [").Append(c.Id).Append(']');
            }

            sb.AppendLine();
        }

        if (report.FactLines.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(FactsHeading.Get(language));
            foreach (var f in report.FactLines)
            {
                sb.Append(bullet).Append(f.Label).Append(": ").Append(f.Value).AppendLine(technician ? " [" + f.Key + "]" : "");
            }
        }

        if (report.Outcome == SessionOutcome.Escalated && (report.Prepare.Count > 0 || report.HeldBack.Count > 0))
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(SupportHeading.Get(language));
            foreach (var p in report.Prepare)
            {
                sb.Append(bullet).AppendLine(p);
            }

            foreach (var h in report.HeldBack)
            {
                sb.Append(bullet).AppendLine(F(HeldBackLine, language, HeldBack.Describe(h, language)));
            }
        }

        if (report.Acceptance.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(AcceptanceHeading.Get(language));
            foreach (var a in report.Acceptance)
            {
                sb.Append(markdown ? "- [ ] " : "  [ ] ").AppendLine(a);
            }
        }

        if (report.Notes.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(NotesHeading.Get(language));
            foreach (var n in report.Notes)
            {
                sb.Append(bullet).Append(n.Title).Append(language == Language.Ja ? "：" : ": ").AppendLine(n.Text);
            }
        }

        if (report.ReplayProblems.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(ReplayHeading.Get(language));
            foreach (var p in report.ReplayProblems)
            {
                sb.Append(bullet).AppendLine(p);
            }
        }

        return sb.ToString();
    }

    private static string F(LocalizedText text, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, text.Get(language), args);

    private static string Num(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
}
