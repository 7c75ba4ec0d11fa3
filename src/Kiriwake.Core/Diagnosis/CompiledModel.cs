using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// A validated model in canonical form: causes, actions and questions sorted by id (ordinal), so that
/// every sum and every tie is the same whatever order the files list them in. Costs here include the
/// risk price (<see cref="RiskPrice"/>).
/// </summary>
public sealed class CompiledModel
{
    private readonly Dictionary<string, StepChoice> _steps = new(StringComparer.Ordinal);

    public CompiledModel(TroubleshootingModel model)
    {
        ModelValidator.ThrowIfInvalid(model);
        Source = model;
        var causes = model.Causes.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        CauseIds = causes.Select(c => c.Id).ToArray();
        Prior = causes.Select(c => c.Prior).ToArray();

        var actions = model.Actions.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        Actions = actions;
        ActionIds = actions.Select(a => a.Id).ToArray();
        ActionCost = actions.Select(a => a.Cost + RiskPrice.Minutes(a.Risk)).ToArray();
        RepairCost = actions.Select(a => a.RepairCost).ToArray();
        Fix = actions.Select(a => CauseIds.Select(a.FixProbability).ToArray()).ToArray();
        FailFactor = Fix.Select(f => f.Select(p => 1 - p).ToArray()).ToArray();

        var questions = model.Questions.OrderBy(q => q.Id, StringComparer.Ordinal).ToArray();
        Questions = questions;
        QuestionIds = questions.Select(q => q.Id).ToArray();
        QuestionCost = questions.Select(q => q.Cost).ToArray();
        Likelihood = questions.Select(q => q.Answers.OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => CauseIds.Select(a.P).ToArray()).ToArray()).ToArray();
        AnswerIds = questions.Select(q => q.Answers.Select(a => a.Id).OrderBy(a => a, StringComparer.Ordinal).ToArray()).ToArray();

        Escalation = model.Escalation;

        for (var a = 0; a < ActionIds.Count; a++)
        {
            _steps[ActionIds[a]] = new StepChoice(StepKind.Action, a);
        }

        for (var q = 0; q < QuestionIds.Count; q++)
        {
            _steps[QuestionIds[q]] = new StepChoice(StepKind.Question, q);
        }

        if (Escalation is not null)
        {
            _steps[Escalation.Id] = new StepChoice(StepKind.Escalation, 0);
        }
    }

    public TroubleshootingModel Source { get; }

    public int CauseCount => CauseIds.Count;

    public int ActionCount => ActionIds.Count;

    public int QuestionCount => QuestionIds.Count;

    public IReadOnlyList<string> CauseIds { get; }

    internal double[] Prior { get; }

    public IReadOnlyList<ModelAction> Actions { get; }

    public IReadOnlyList<string> ActionIds { get; }

    /// <summary>Unconditional cost of each action: its time plus its risk price.</summary>
    internal double[] ActionCost { get; }

    internal double[] RepairCost { get; }

    /// <summary>P(action fixes | cause), [action][cause].</summary>
    internal double[][] Fix { get; }

    internal double[][] FailFactor { get; }

    public IReadOnlyList<ModelQuestion> Questions { get; }

    public IReadOnlyList<string> QuestionIds { get; }

    internal double[] QuestionCost { get; }

    /// <summary>Answer ids of each question, sorted (the canonical answer index).</summary>
    public IReadOnlyList<IReadOnlyList<string>> AnswerIds { get; }

    /// <summary>P(answer | cause), [question][answer][cause].</summary>
    internal double[][][] Likelihood { get; }

    public ModelEscalation? Escalation { get; }

    public bool TryFindStep(string id, out StepChoice step) => _steps.TryGetValue(id, out step);

    public StepRef Describe(StepChoice step) => step.Kind switch
    {
        StepKind.Action => new StepRef(Actions[step.Index].IsEscalation ? StepKind.Escalation : StepKind.Action, ActionIds[step.Index]),
        StepKind.Question => new StepRef(StepKind.Question, QuestionIds[step.Index]),
        _ => new StepRef(StepKind.Escalation, Escalation!.Id),
    };

    /// <summary>The cost a step is charged per unit of probability reaching it (escalation: its cost).</summary>
    public double UnconditionalCost(StepChoice step) => step.Kind switch
    {
        StepKind.Action => ActionCost[step.Index],
        StepKind.Question => QuestionCost[step.Index],
        _ => Escalation!.Cost,
    };

    public Risk RiskOf(StepChoice step) => step.Kind == StepKind.Action ? Actions[step.Index].Risk : Risk.None;

    public bool IsAllowed(int action, GateState gates) => gates.Allows(Actions[action].Risk, Actions[action].Gates);

    public DiagnosisState Start() => DiagnosisState.Root(this);
}
