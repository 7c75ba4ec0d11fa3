using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>What a session established, for the person and for a support agent. Its Markdown form is the
/// escalation package (<see cref="DiagnosisReportText"/>); JSON keys are these names in camelCase.</summary>
/// <param name="ElapsedMinutes">Wall time from the first event to the report.</param>
/// <param name="NominalMinutes">The knowledge base's time of the steps the person answered.</param>
/// <param name="Facts">The facts by key (for scripts and technicians); <see cref="FactLines"/> in words.</param>
public sealed record DiagnosisReport(
    string Symptom,
    string SymptomTitle,
    SessionOutcome Outcome,
    string? ResolvedBy,
    string? ResolvedByTitle,
    double ElapsedMinutes,
    double NominalMinutes,
    IReadOnlyList<ReportStep> Transcript,
    IReadOnlyList<ReportCause> TopCauses,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<ReportFact> FactLines,
    IReadOnlyList<string> Acceptance,
    IReadOnlyList<string> Prepare,
    IReadOnlyList<HeldBackStep> HeldBack,
    string? KnowledgeVersion,
    IReadOnlyList<string> ReplayProblems,
    IReadOnlyList<ReportNote> Notes)
{
    public static DiagnosisReport Build(DiagnosisConversation conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var kb = conversation.Knowledge;
        var language = conversation.Language;
        var views = conversation.Views;
        var snapshot = conversation.Snapshot;
        var model = conversation.Model;
        var symptom = kb.Symptoms[conversation.SymptomId];
        var outcome = conversation.Outcome;
        var events = conversation.Events;
        var transcript = snapshot.Transcript.Select(t => new ReportStep(
            t.Step.Id,
            t.Step.Kind,
            model.TryFindStep(t.Step.Id, out var c) ? model.RiskOf(c) : Risk.None,
            t.Answer,
            views.AnswerLabel(model, t.Step.Id, t.Answer),
            t.Source,
            t.FactKey,
            views.Title(t.Step.Id),
            t.At,
            ActorOf(events, t))).ToArray();
        var nominal = snapshot.Transcript.Where(t => t.Source == AnswerSource.Person).Sum(t => Nominal(model, t));
        var first = events.Count > 0 ? events.Min(e => e.At) : now;
        var prepare = snapshot.Outcome == SessionOutcome.Escalated && snapshot.FixedBy is { } esc && kb.Escalations.TryGetValue(esc.Id, out var e)
            ? e.Prepare.Select(p => p.Get(language)).ToArray()
            : [];
        var facts = snapshot.Facts.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Where(f => FactText.IsKnown(f.Key))
            .Select(f => new ReportFact(f.Key, FactText.Label(f.Key, language), FactText.Value(kb, f.Key, f.Value, language)))
            .ToArray();
        return new DiagnosisReport(
            conversation.SymptomId,
            symptom.Title.Get(language),
            outcome,
            snapshot.FixedBy?.Id,
            snapshot.FixedBy is { } f ? views.Title(f.Id) : null,
            Math.Round(Math.Max(0, (now - first).TotalMinutes), 1),
            nominal,
            transcript,
            Recommender.TopCauses(snapshot.State, FinalBelief(model, snapshot), Recommender.TopCauseCount)
                .Select(tc => new ReportCause(tc.CauseId, views.CauseTitle(tc.CauseId), tc.Probability)).ToArray(),
            snapshot.Facts,
            facts,
            AcceptanceFor(conversation).Select(a => a.Text.Get(language)).ToArray(),
            prepare,
            conversation.HeldBackSteps(),
            string.IsNullOrEmpty(kb.Version) ? null : kb.Version,
            conversation.ReplayProblems,
            EndNotes(kb, outcome, snapshot, language));
    }

    /// <summary>The acceptance criteria that fit how the session went: its symptom, what fixed it, and the steps
    /// that were done (not skipped). The helpdesk requires them ticked before closing a fixed case.</summary>
    public static IReadOnlyList<AcceptanceCriterion> AcceptanceFor(DiagnosisConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var snapshot = conversation.Snapshot;
        var tried = snapshot.Transcript.Where(t => t.Step.Kind == StepKind.Action && t.Answer != StepAnswers.Skipped)
            .Select(t => t.Step.Id).ToHashSet(StringComparer.Ordinal);
        var fixedBy = snapshot.Outcome == SessionOutcome.Fixed ? snapshot.FixedBy?.Id : null;
        return conversation.Knowledge.Content.Acceptance.Where(a => a.AppliesTo(conversation.SymptomId, fixedBy, tried)).ToArray();
    }

    /// <summary>The notes for the end of the report (NoteSelector): prevention advice after a fix, advice on handing
    /// over; a note tied to steps only when one of its steps was part of this session.</summary>
    private static ReportNote[] EndNotes(KnowledgeBase kb, SessionOutcome outcome, SessionSnapshot snapshot, Language language)
    {
        var occasion = outcome switch
        {
            SessionOutcome.Fixed => "fixed",
            SessionOutcome.Escalated => "escalated",
            _ => null,
        };
        if (occasion is null)
        {
            return [];
        }

        var steps = snapshot.Transcript.Select(t => t.Step.Id).ToHashSet(StringComparer.Ordinal);
        return NoteSelector.ForOutcome(kb, occasion)
            .Where(n => n.Steps.Count == 0 || n.Steps.Any(steps.Contains))
            .Select(n => new ReportNote(n.Title.Get(language), n.Text.Get(language)))
            .ToArray();
    }

    private static EventActor ActorOf(IReadOnlyList<SessionEvent> events, TranscriptEntry t) =>
        t.Source == AnswerSource.Fact
            ? events.OfType<FactRecorded>().LastOrDefault(f => f.Key == t.FactKey)?.Actor ?? EventActor.EvidenceReader
            : events.OfType<StepAnswered>().LastOrDefault(a => a.StepId == t.Step.Id)?.Actor ?? EventActor.Person;

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
}

/// <summary>One answered step: ids and values for scripts, the title and the answer's label for people.</summary>
public sealed record ReportStep(string Id, StepKind Kind, Risk Risk, string Answer, string AnswerLabel, AnswerSource Source, string? FactKey, string Title, DateTimeOffset At, EventActor Actor);

public sealed record ReportCause(string Id, string Title, double Probability);

/// <summary>A fact in words (its key for technicians).</summary>
public sealed record ReportFact(string Key, string Label, string Value);

/// <summary>A note at the end of the report, in the person's language.</summary>
public sealed record ReportNote(string Title, string Text);
