using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>One checklist item as a case fills it: done when the step it refers to was answered in the conversation.</summary>
public sealed record FilledItem(string Id, string Text, string? StepId, string? Answer, EventActor? Actor, string? By);

/// <summary>
/// The documents' checklists by role and moment. The 4013 document has them for restore symptoms: the working
/// checklist "for technicians and help desks" (shown when a case is opened, and filled into the escalation package),
/// "for technicians" (before device work) and "for users" (the person, at the hand-over). The backup document has
/// none by role: its 10-minute check stands for the helpdesk's and its "don'ts before erasing" for the technician's.
/// </summary>
public static class CaseChecklists
{
    public static Checklist? Helpdesk(KnowledgeBase kb, string symptomId) => Find(kb, IsRestore(kb, symptomId) ? "technician-checklist" : "ten-minute-check");

    public static Checklist? Technician(KnowledgeBase kb, string symptomId) => Find(kb, IsRestore(kb, symptomId) ? "role-technician" : "before-initialising-dont");

    public static Checklist? Person(KnowledgeBase kb, string symptomId) => Find(kb, IsRestore(kb, symptomId) ? "role-user" : "ten-minute-check");

    /// <summary>The items with what the conversation says about each (the last answer to the step it refers to).</summary>
    public static IReadOnlyList<FilledItem> Fill(Checklist checklist, DiagnosisConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(conversation);
        var language = conversation.Language;
        var transcript = conversation.Snapshot.Transcript;
        var events = SessionReplay.InEffect(conversation.Events);
        return checklist.Items.Select(item =>
        {
            var entry = item.Ref is { } r ? transcript.LastOrDefault(t => t.Step.Id == r) : null;
            if (entry is null)
            {
                return new FilledItem(item.Id, item.Text.Get(language), item.Ref, null, null, null);
            }

            SessionEvent? made = entry.Source == AnswerSource.Fact
                ? events.OfType<FactRecorded>().LastOrDefault(f => f.Key == entry.FactKey)
                : events.OfType<StepAnswered>().LastOrDefault(a => a.StepId == entry.Step.Id);
            var label = conversation.Views.AnswerLabel(conversation.Model, entry.Step.Id, entry.Answer);
            return new FilledItem(item.Id, item.Text.Get(language), item.Ref, label, made?.Actor ?? EventActor.Person, made?.By);
        }).ToArray();
    }

    private static bool IsRestore(KnowledgeBase kb, string symptomId) =>
        kb.Symptoms.TryGetValue(symptomId, out var s) && s.Channel == SymptomChannel.Restore;

    private static Checklist? Find(KnowledgeBase kb, string id) => kb.Checklists.TryGetValue(id, out var c) ? c : null;
}
