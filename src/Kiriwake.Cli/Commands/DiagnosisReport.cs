using System.Globalization;
using System.Text;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>What a session established, for the person and for a support agent (JSON keys are these names, camelCase).</summary>
internal sealed record DiagnosisReport(
    string Symptom,
    string SymptomTitle,
    string Outcome,
    string? ResolvedBy,
    string? ResolvedByTitle,
    double ElapsedMinutes,
    double NominalMinutes,
    IReadOnlyList<ReportStep> Transcript,
    IReadOnlyList<ReportCause> TopCauses,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<string> Acceptance,
    IReadOnlyList<string> Prepare,
    IReadOnlyList<string> HeldBack)
{
    public static DiagnosisReport Build(KnowledgeBase kb, string symptomId, DiagnosisSession session, StepRenderer names, Language language, DateTimeOffset now)
    {
        var snapshot = session.Snapshot;
        var model = session.Model;
        var symptom = kb.Symptoms[symptomId];
        var outcome = snapshot.Outcome switch
        {
            SessionOutcome.Fixed => "fixed",
            SessionOutcome.Escalated => "escalated",
            _ => session.Next() is null ? "unresolved" : "in-progress",
        };
        var transcript = snapshot.Transcript.Select(t => new ReportStep(
            t.Step.Id,
            t.Step.Kind,
            model.TryFindStep(t.Step.Id, out var c) ? model.RiskOf(c) : Risk.None,
            t.Answer,
            t.Source,
            t.FactKey,
            names.Title(t.Step),
            t.At)).ToArray();
        var nominal = snapshot.Transcript.Where(t => t.Source == AnswerSource.Person).Sum(t => Nominal(model, t));
        var first = session.Events.Count > 0 ? session.Events.Min(e => e.At) : now;
        var prepare = snapshot.Outcome == SessionOutcome.Escalated && snapshot.FixedBy is { } esc && kb.Escalations.TryGetValue(esc.Id, out var e)
            ? e.Prepare.Select(p => p.Get(language)).ToArray()
            : [];
        var heldBack = Enumerable.Range(0, model.ActionCount)
            .Where(a => !snapshot.State.IsActionUsed(a) && !model.IsAllowed(a, snapshot.Gates))
            .Select(a => $"{model.ActionIds[a]} ({string.Join(", ", snapshot.Gates.Missing(model.Actions[a].Risk, model.Actions[a].Gates).Select(StepRenderer.GateName))})")
            .ToArray();
        return new DiagnosisReport(
            symptomId,
            symptom.Title.Get(language),
            outcome,
            snapshot.FixedBy?.Id,
            snapshot.FixedBy is { } f ? names.Title(f) : null,
            Math.Round(Math.Max(0, (now - first).TotalMinutes), 1),
            nominal,
            transcript,
            Recommender.TopCauses(snapshot.State, FinalBelief(model, snapshot), Recommender.TopCauseCount).Select(tc => new ReportCause(tc.CauseId, names.CauseTitle(tc.CauseId), tc.Probability)).ToArray(),
            snapshot.Facts,
            kb.Content.Acceptance.Where(a => a.SymptomIds.Count == 0 || a.SymptomIds.Contains(symptomId, StringComparer.Ordinal)).Select(a => a.Text.Get(language)).ToArray(),
            prepare,
            heldBack);
    }

    public string ToText(Language language, bool markdown)
    {
        var sb = new StringBuilder();
        var h1 = markdown ? "# " : "";
        var h2 = markdown ? "## " : "";
        var bullet = markdown ? "- " : "  • ";
        sb.Append(h1).Append(DiagnoseText.Report.Get(language)).Append(": ").AppendLine(SymptomTitle);
        sb.AppendLine();
        sb.Append(h2).AppendLine(DiagnoseText.Outcome.Get(language));
        sb.Append(bullet).AppendLine(Outcome switch
        {
            "fixed" => F(DiagnoseText.FixedBy, language, ResolvedByTitle ?? ResolvedBy ?? ""),
            "escalated" => F(DiagnoseText.EscalatedTo, language, ResolvedByTitle ?? ResolvedBy ?? ""),
            "unresolved" => DiagnoseText.Unresolved.Get(language),
            _ => DiagnoseText.InProgress.Get(language),
        });
        sb.Append(bullet).AppendLine(F(DiagnoseText.TimeSpent, language, Num(ElapsedMinutes), Num(NominalMinutes)));
        sb.AppendLine();
        sb.Append(h2).AppendLine(DiagnoseText.Transcript.Get(language));
        var n = 1;
        foreach (var step in Transcript)
        {
            var by = step.Source == AnswerSource.Fact ? " " + F(DiagnoseText.ByFact, language, step.FactKey ?? "") : "";
            sb.Append(markdown ? $"{n++.ToString(CultureInfo.InvariantCulture)}. " : $"  {n++.ToString(CultureInfo.InvariantCulture)}. ")
                .Append(step.Title).Append(" (").Append(step.Id).Append("): ").Append(step.Answer).AppendLine(by);
        }

        sb.AppendLine();
        sb.Append(h2).AppendLine(DiagnoseText.TopCauses.Get(language));
        foreach (var c in TopCauses)
        {
            sb.Append(bullet).Append(c.Title).Append(' ').AppendLine(StepRenderer.Percent(c.Probability));
        }

        if (Facts.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(DiagnoseText.Facts.Get(language));
            foreach (var (key, value) in Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                sb.Append(bullet).Append(key).Append(" = ").AppendLine(value);
            }
        }

        if (Outcome == "escalated" && (Prepare.Count > 0 || HeldBack.Count > 0))
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(DiagnoseText.SupportPackage.Get(language));
            foreach (var p in Prepare)
            {
                sb.Append(bullet).AppendLine(p);
            }

            foreach (var h in HeldBack)
            {
                sb.Append(bullet).AppendLine(F(DiagnoseText.Blocked, language, h));
            }
        }

        if (Acceptance.Count > 0)
        {
            sb.AppendLine();
            sb.Append(h2).AppendLine(DiagnoseText.Acceptance.Get(language));
            foreach (var a in Acceptance)
            {
                sb.Append(markdown ? "- [ ] " : "  [ ] ").AppendLine(a);
            }
        }

        return sb.ToString();
    }

    /// <summary>After a fix, the causes that action could have fixed, weighted by how likely it fixed each.</summary>
    private static IReadOnlyList<double> FinalBelief(CompiledModel model, SessionSnapshot snapshot) =>
        snapshot is { Outcome: SessionOutcome.Fixed, FixedBy: { } by } && model.TryFindStep(by.Id, out var step) && step.Kind == StepKind.Action
            ? snapshot.State.BeliefGivenFixedBy(step.Index)
            : snapshot.State.Belief;

    private static double Nominal(CompiledModel model, TranscriptEntry t)
    {
        if (!model.TryFindStep(t.Step.Id, out var step))
        {
            return 0;
        }

        return step.Kind switch
        {
            StepKind.Question => model.Questions[step.Index].Cost,
            StepKind.Escalation => model.Escalation!.Cost,
            _ when t.Answer == StepAnswers.Skipped => 0,
            _ => model.Actions[step.Index].Cost + (t.Answer == StepAnswers.Fixed ? model.Actions[step.Index].RepairCost : 0),
        };
    }

    private static string F(LocalizedText text, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, text.Get(language), args);

    private static string Num(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
}

internal sealed record ReportStep(string Id, StepKind Kind, Risk Risk, string Answer, AnswerSource Source, string? FactKey, string Title, DateTimeOffset At);

internal sealed record ReportCause(string Id, string Title, double Probability);
