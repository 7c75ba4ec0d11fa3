using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Diagnosis;

/// <summary>A step as the person reads it, in their language, for their model family and platform only.</summary>
public sealed record StepView(
    string Id,
    string Kind,
    string Title,
    IReadOnlyList<string> Instructions,
    string Why,
    string Risk,
    IReadOnlyList<AnswerView> Answers,
    IReadOnlyList<ProcedureView> Procedures,
    IReadOnlyList<string> Prepare,
    IReadOnlyList<string> WillBeLost,
    bool DataLoss);

public sealed record AnswerView(string Value, string Label);

public sealed record ProcedureView(string Title, IReadOnlyList<string> Steps, IReadOnlyList<string> Warnings);

/// <summary>Builds <see cref="StepView"/>s from the knowledge base for one language, family and platform.</summary>
public sealed class StepPresenter(KnowledgeBase kb, Language language, ButtonFamily? family, Platform? platform)
{
    public StepView? Present(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var prompt = conversation.Prompt;
        if (prompt.Kind == PromptKind.Finished)
        {
            return null;
        }

        if (prompt.Kind == PromptKind.Gate)
        {
            return new StepView(
                Prompt.GateId,
                "gate",
                WebText.GateTitle.Get(language),
                [WebText.GateExplain.Get(language)],
                WebText.GateWhy.Get(language),
                WebText.RiskOf(Risk.DataLoss).Get(language),
                conversation.Offered().Select(v => new AnswerView(v, GateLabel(v))).ToArray(),
                [],
                [],
                prompt.HeldBack.Select(Title).ToArray(),
                DataLoss: true);
        }

        var step = prompt.Recommendation!.Step;
        var kind = step.Kind switch
        {
            StepKind.Question => "question",
            StepKind.Action => "action",
            _ => "escalation",
        };
        var answers = conversation.Offered().Select(v => new AnswerView(v, AnswerLabel(step, v))).ToArray();
        var action = step.Kind == StepKind.Action && kb.Actions.TryGetValue(step.Id, out var a) ? a : null;
        var escalation = step.Kind == StepKind.Escalation && kb.Escalations.TryGetValue(step.Id, out var e) ? e : null;
        return new StepView(
            step.Id,
            kind,
            Title(step.Id),
            action is null ? [] : Instructions(action),
            Why(step),
            WebText.RiskOf(prompt.Recommendation.Risk).Get(language),
            answers,
            action?.Procedure is { } p ? Procedures(p) : [],
            escalation?.Prepare.Select(x => x.Get(language)).ToArray() ?? [],
            [],
            prompt.Recommendation.Risk == Risk.DataLoss);
    }

    public string Title(string stepId) => kb.StepTitle(stepId)?.Get(language) ?? stepId;

    public string CauseTitle(string causeId) => kb.Causes.TryGetValue(causeId, out var c) ? c.Title.Get(language) : causeId;

    public IReadOnlyList<string> Instructions(TroubleshootingAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var variants = action.Instructions
            .Where(v => platform is null || v.Platform == platform || v.Platform == Platform.Any)
            .Where(v => v.Family is null || family is null || v.Family == family)
            .ToArray();
        var lines = new List<string>();
        foreach (var variant in variants)
        {
            var heading = platform is null && variant.Platform != Platform.Any ? WebText.PlatformName(variant.Platform).Get(language) + ": " : "";
            lines.AddRange(variant.Steps.Select(s => heading + s.Get(language)));
        }

        return lines;
    }

    public IReadOnlyList<ProcedureView> Procedures(ProcedureKind kind)
    {
        var families = family is { } f ? [f] : Enum.GetValues<ButtonFamily>();
        return families.Select(fam => kb.FindProcedure(kind, fam)).OfType<Procedure>()
            .Select(p => new ProcedureView(
                p.Title.Get(language) + (family is null ? " — " + WebText.FamilyName(p.Family).Get(language) : ""),
                p.Steps.Select(s => s.Text.Get(language)).ToArray(),
                p.Warnings.Select(w => w.Get(language)).ToArray()))
            .ToArray();
    }

    private string Why(StepRef step) => step.Kind switch
    {
        StepKind.Question when kb.Questions.TryGetValue(step.Id, out var q) => q.Why.Get(language),
        StepKind.Action when kb.Actions.TryGetValue(step.Id, out var a) => a.Why.Get(language),
        StepKind.Escalation when kb.Escalations.TryGetValue(step.Id, out var e) => e.Why.Get(language),
        _ => "",
    };

    private string AnswerLabel(StepRef step, string value)
    {
        if (step.Kind == StepKind.Question && kb.Questions.TryGetValue(step.Id, out var q)
            && q.Answers.FirstOrDefault(a => a.Id == value) is { } answer)
        {
            return answer.Text.Get(language);
        }

        return (value switch
        {
            StepAnswers.Fixed => WebText.AnswerFixed,
            StepAnswers.NotFixed => WebText.AnswerNotFixed,
            StepAnswers.Skipped => WebText.AnswerSkipped,
            StepAnswers.Escalated => WebText.AnswerEscalated,
            _ => new LocalizedText(value, value),
        }).Get(language);
    }

    private string GateLabel(string value) => (value switch
    {
        Conversation.AnswerBackupVerified => WebText.GateHaveBackup,
        Conversation.AnswerAcceptLoss => WebText.GateAcceptLoss,
        _ => WebText.GateNo,
    }).Get(language);
}
