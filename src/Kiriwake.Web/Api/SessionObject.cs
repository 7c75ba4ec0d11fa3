using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;

namespace Kiriwake.Web.Api;

/// <summary>The API's session object (the issue fixes this shape).</summary>
public sealed record SessionObject(string Id, string Symptom, StepObject? Step, OutcomeObject? Outcome)
{
    public static SessionObject From(WebSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var language = session.Conversation.Language;
        return session.Prompt is FinishPrompt finish
            ? new SessionObject(session.Id, session.Row.SymptomId, null, OutcomeObject.From(session.Conversation, finish))
            : new SessionObject(session.Id, session.Row.SymptomId, StepObject.From(session.Prompt, language), null);
    }
}

/// <param name="Kind">question, action, gate or escalation.</param>
public sealed record StepObject(string Id, string Kind, string Title, IReadOnlyList<string> Instructions, string Why, string Risk, IReadOnlyList<AnswerChoice> Answers)
{
    /// <summary>The knowledge base's notes for the step (cautions, security and privacy rules), in the session's language.</summary>
    public IReadOnlyList<StepNote> Notes { get; init; } = [];

    public static StepObject From(ConversationPrompt prompt, Language language) => prompt switch
    {
        StepPrompt s => new StepObject(
            s.View.StepId,
            s.View.Kind switch
            {
                StepKind.Question => "question",
                StepKind.Action => "action",
                _ => "escalation",
            },
            s.View.Title,
            s.View.Instructions.SelectMany(b => b.Steps.Select(step => b.Heading is { Length: > 0 } h ? $"{h}: {step}" : step)).ToArray(),
            s.View.Why ?? "",
            s.View.Risk ?? WebText.RiskOf(Core.Knowledge.Risk.None).Get(language),
            s.View.Choices)
        {
            Notes = s.View.Notes,
        },
        GatePrompt g => new StepObject(
            g.Id,
            "gate",
            g.Question,
            [WebText.GateExplain.Get(language)],
            WebText.GateWhy.Get(language),
            WebText.RiskOf(Core.Knowledge.Risk.DataLoss).Get(language),
            g.Choices),
        PlatformPrompt p => new StepObject(p.Id, "question", p.Question, [], WebText.WhyPlatform.Get(language), WebText.RiskOf(Core.Knowledge.Risk.None).Get(language), p.Choices),
        DevicePrompt d => new StepObject(d.Id, "question", d.Question, [], WebText.WhyFamily.Get(language), WebText.RiskOf(Core.Knowledge.Risk.None).Get(language), d.Choices),
        _ => throw new ArgumentOutOfRangeException(nameof(prompt), prompt.GetType().Name, "not a step"),
    };
}

/// <summary>How the session ended: fixed (by which step), escalated (to whom), or unresolved; and what to check.</summary>
public sealed record OutcomeObject(string Kind, string? StepId, string? Title, IReadOnlyList<string> Acceptance, IReadOnlyList<string> Prepare)
{
    public static OutcomeObject From(DiagnosisConversation conversation, FinishPrompt finish)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(finish);
        var report = conversation.Report();
        var kind = finish.Outcome switch
        {
            SessionOutcome.Fixed => "fixed",
            SessionOutcome.Escalated => "escalated",
            _ => "unresolved",
        };
        var by = conversation.Snapshot.FixedBy?.Id;
        return new OutcomeObject(kind, by, by is null ? null : conversation.Views.Title(by), report.Acceptance, report.Prepare);
    }
}
