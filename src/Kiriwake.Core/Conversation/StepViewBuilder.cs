using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>Builds <see cref="StepView"/>s: titles and reasons in the person's language, the instructions of their
/// platform and model family only (every family and platform, under headings, when it is not known), the button
/// procedure a step needs, and the accepted answers as choices.</summary>
public sealed class StepViewBuilder(KnowledgeBase kb, Language language)
{
    public Language Language => language;

    public string Title(string stepId) => kb.StepTitle(stepId)?.Get(language) ?? stepId;

    public string CauseTitle(string causeId) => kb.Causes.TryGetValue(causeId, out var c) ? c.Title.Get(language) : causeId;

    /// <summary>The answers a step takes, with labels: a question's own answers in the knowledge base's order;
    /// fixed / not fixed / could not for an action.</summary>
    public IReadOnlyList<AnswerChoice> Choices(CompiledModel model, string stepId)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.TryFindStep(stepId, out var step))
        {
            return [];
        }

        switch (step.Kind)
        {
            case StepKind.Question:
                var ids = model.AnswerIds[step.Index];
                if (kb.Questions.TryGetValue(stepId, out var q))
                {
                    return q.Answers.Where(a => ids.Contains(a.Id, StringComparer.Ordinal)).Select(a => new AnswerChoice(a.Id, a.Text.Get(language))).ToArray();
                }

                return ids.Select(id => new AnswerChoice(id, id)).ToArray();
            case StepKind.Action:
                return
                [
                    new(StepAnswers.Fixed, ConversationText.AnswerFixed.Get(language)),
                    new(StepAnswers.NotFixed, ConversationText.AnswerNotFixed.Get(language)),
                    new(StepAnswers.Skipped, ConversationText.AnswerSkipped.Get(language)),
                ];
            default:
                return [new(StepAnswers.Escalated, ConversationText.AnswerEscalated.Get(language))];
        }
    }

    /// <summary>The label of an answer already given, for transcripts and recaps.</summary>
    public string AnswerLabel(CompiledModel model, string stepId, string answer) =>
        Choices(model, stepId).FirstOrDefault(c => c.Value == answer)?.Label ?? answer;

    /// <summary>Whether the step's text differs by computer platform (so the platform is worth asking).</summary>
    public bool NeedsPlatform(string stepId) =>
        kb.Actions.TryGetValue(stepId, out var a) && a.Instructions.Any(v => IsComputer(v.Platform));

    /// <summary>Whether the step needs buttons that differ by model (so the model is worth asking).</summary>
    public bool NeedsFamily(string stepId) =>
        ProcedureOf(stepId) is not null || (kb.Actions.TryGetValue(stepId, out var a) && a.Instructions.Any(v => v.Family is not null));

    /// <summary>The button procedure a step needs (its <c>procedure:</c>): an action's own, or the mode a question asks
    /// the person to enter ("Did the device enter DFU mode…?" needs the DFU buttons as much as the DFU restore does).</summary>
    public ProcedureKind? ProcedureOf(string stepId) =>
        kb.Actions.TryGetValue(stepId, out var a) ? a.Procedure
        : kb.Questions.TryGetValue(stepId, out var q) ? q.Procedure
        : null;

    public StepView Build(CompiledModel model, StepRef step, int number, ConversationContext context, IReadOnlyList<HeldBackStep> heldBack)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(heldBack);
        double? minutes = null;
        string? risk = null;
        string? why = null;
        IReadOnlyList<string> prepare = [];
        if (kb.Actions.TryGetValue(step.Id, out var action))
        {
            minutes = action.CostMinutes;
            risk = ConversationText.Risk(action.Risk).Get(language);
            why = action.Why.Get(language);
        }
        else if (kb.Questions.TryGetValue(step.Id, out var question))
        {
            minutes = question.CostMinutes;
            why = question.Why.Get(language);
        }
        else if (kb.Escalations.TryGetValue(step.Id, out var escalation))
        {
            why = escalation.Why.Get(language);
            prepare = escalation.Prepare.Select(p => p.Get(language)).ToArray();
        }

        var choices = model.TryFindStep(step.Id, out var choice) && choice.Kind == StepKind.Escalation ? [] : Choices(model, step.Id);
        return new StepView(step.Id, step.Kind, number, Title(step.Id), why, minutes, risk,
            Instructions(step.Id, context), prepare, heldBack.Select(h => HeldBack.Describe(h, language)).ToArray(), choices,
            choices.Count > 0 && choice.Kind == StepKind.Action ? ConversationText.DidItFix.Get(language) : null)
        {
            Notes = Notes(step.Id),
        };
    }

    /// <summary>The notes the knowledge base ties to this step (<see cref="NoteSelector.ForStep"/>), in the person's language.</summary>
    public IReadOnlyList<StepNote> Notes(string stepId) =>
        NoteSelector.ForStep(kb, stepId).Select(n => new StepNote(n.Title.Get(language), n.Text.Get(language))).ToArray();

    public IReadOnlyList<InstructionBlock> Instructions(string stepId, ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blocks = new List<InstructionBlock>();
        if (kb.Actions.TryGetValue(stepId, out var action))
        {
            var platforms = context.Platform is { } p ? [p] : context.PlatformCandidates;
            var variants = action.Instructions
                .Where(v => !IsComputer(v.Platform) || platforms.Contains(v.Platform))
                .Where(v => v.Family is null || context.Family is null || v.Family == context.Family)
                .ToArray();
            var computerVariants = variants.Count(v => IsComputer(v.Platform));
            foreach (var v in variants)
            {
                var headings = new List<string>();
                if (IsComputer(v.Platform) && context.Platform is null && computerVariants > 1)
                {
                    headings.Add(ConversationText.PlatformName(v.Platform).Get(language));
                }

                if (v.Family is { } f && context.Family is null)
                {
                    headings.Add(ConversationText.FamilyName(f).Get(language));
                }

                blocks.Add(new InstructionBlock(headings.Count > 0 ? string.Join(" / ", headings) : null, v.Steps.Select(s => s.Get(language)).ToArray(), []));
            }
        }

        if (ProcedureOf(stepId) is { } kind)
        {
            var families = context.Family is { } known ? [known] : Enum.GetValues<ButtonFamily>();
            foreach (var fam in families)
            {
                if (kb.FindProcedure(kind, fam) is not { } procedure)
                {
                    continue;
                }

                var heading = procedure.Title.Get(language) + (context.Family is null ? " — " + ConversationText.FamilyName(fam).Get(language) : "");
                var steps = procedure.Steps.Select(s => s.Text.Get(language) + Seconds(s)).ToArray();
                blocks.Add(new InstructionBlock(heading, steps, procedure.Warnings.Select(w => w.Get(language)).ToArray()));
            }
        }

        return blocks;
    }

    private string Seconds(ProcedureStep step)
    {
        if (step.Seconds is not { } sec)
        {
            return "";
        }

        var n = sec.ToString("0.#", CultureInfo.InvariantCulture);
        return language == Language.Ja ? $"({(step.Approximate ? "約" : "")}{n}秒)" : $" ({(step.Approximate ? "about " : "")}{n} s)";
    }

    internal static bool IsComputer(Platform p) => p is Platform.WindowsItunes or Platform.WindowsAppleDevices or Platform.MacosFinder;
}
