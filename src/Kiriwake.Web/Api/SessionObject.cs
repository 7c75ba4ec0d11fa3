using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;

namespace Kiriwake.Web.Api;

/// <summary>The API's session object (the issue fixes this shape).</summary>
public sealed record SessionObject(string Id, string Symptom, StepObject? Step, OutcomeObject? Outcome)
{
    public static SessionObject From(Conversation conversation, StepPresenter presenter, Language language)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(presenter);
        var view = presenter.Present(conversation);
        var step = view is null ? null : new StepObject(view.Id, view.Kind, view.Title, view.Instructions, view.Why, view.Risk, view.Answers);
        return new SessionObject(conversation.Row.Id, conversation.Row.SymptomId, step, view is null ? OutcomeObject.From(conversation, presenter, language) : null);
    }
}

public sealed record StepObject(string Id, string Kind, string Title, IReadOnlyList<string> Instructions, string Why, string Risk, IReadOnlyList<AnswerView> Answers);

/// <summary>How the session ended: fixed (by which step), escalated (to whom), or unresolved; and what to check.</summary>
public sealed record OutcomeObject(string Kind, string? StepId, string? Title, IReadOnlyList<string> Acceptance, IReadOnlyList<string> Prepare)
{
    public static OutcomeObject From(Conversation conversation, StepPresenter presenter, Language language)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(presenter);
        var snapshot = conversation.Snapshot;
        var kb = conversation.Knowledge;
        var kind = snapshot.Outcome switch
        {
            SessionOutcome.Fixed => "fixed",
            SessionOutcome.Escalated => "escalated",
            _ => "unresolved",
        };
        var by = snapshot.FixedBy?.Id;
        var prepare = kind == "escalated" && by is not null && kb.Escalations.TryGetValue(by, out var e)
            ? e.Prepare.Select(p => p.Get(language)).ToArray()
            : [];
        var acceptance = kb.Content.Acceptance
            .Where(a => a.SymptomIds.Count == 0 || a.SymptomIds.Contains(conversation.Row.SymptomId, StringComparer.Ordinal))
            .Select(a => a.Text.Get(language)).ToArray();
        return new OutcomeObject(kind, by, by is null ? null : presenter.Title(by), acceptance, prepare);
    }
}
