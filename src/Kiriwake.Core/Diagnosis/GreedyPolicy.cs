namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The online policy of Heckerman et al. with SACSO's updating efficiencies (theory §6.3): the repair plan
/// from <see cref="RepairPlanner"/>, and a question when its expected cost of observation
/// ECO(Q) = C_Q + Σ_q P(q)·ECR(ε, q) beats the plan's ECR (myopic value of information).
/// </summary>
public sealed class GreedyPolicy : IPolicy
{
    private readonly CompiledModel _model;
    private readonly RepairPlanner _planner;
    private readonly Dictionary<StateKey, RepairPlan> _plans = [];

    public GreedyPolicy(CompiledModel model, GateState gates, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gates);
        _model = model;
        _planner = new RepairPlanner(model, gates, (options ?? EngineOptions.Default).MaxCutEnumeration);
    }

    public StepChoice? Choose(DiagnosisState state) => Decide(state).Choice;

    public EngineDecision Decide(DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Mass <= Numerics.TinyMass)
        {
            return new EngineDecision(null, DecisionMethod.Greedy, 0);
        }

        var plan = Plan(state);
        var best = plan.Actions.Length > 0 ? new StepChoice(StepKind.Action, plan.Actions[0])
            : plan.Escalates ? new StepChoice(StepKind.Escalation, 0) : (StepChoice?)null;
        var bestCost = plan.Cost;

        // A step that fixes nothing but opens a gate a useful action waits for (making a verified backup before an
        // erase): scored by trying it and following the plan it makes possible.
        for (var a = 0; a < _model.ActionCount; a++)
        {
            if (_planner.IsUsefulOpener(state, a))
            {
                var v = (_model.ActionCost[a] * state.Mass) + (_model.RepairCost[a] * state.FixMass(a)) + WithOpeners(state.AfterFailure(a), 1);
                if (Numerics.Less(v, bestCost))
                {
                    best = new StepChoice(StepKind.Action, a);
                    bestCost = v;
                }
            }
        }

        var useful = HasUsefulAction(state);
        var bestQuestion = -1;
        for (var q = 0; q < _model.QuestionCount; q++)
        {
            if (state.IsQuestionAnswered(q)
                || !((useful && IsInformative(state, q)) || _planner.Constraints.QuestionUnlocksUseful(state.Weights, state.Key, q)))
            {
                continue;
            }

            var eco = ExpectedCostOfObservation(state, q);
            if (_planner.Constraints.QuestionUnlocksUseful(state.Weights, state.Key, q))
            {
                eco = Math.Min(eco, OpeningQuestionCost(state, q, 1));
            }

            if (Numerics.Less(eco, bestCost))
            {
                best = new StepChoice(StepKind.Question, q);
                bestCost = eco;
                bestQuestion = q;
            }
        }

        // A question is not urgent if trying the plan's first action and asking afterwards is cheaper: a cheap,
        // likely fix comes before a question about what is unlikely (two-step look-ahead; issue 9 item 10).
        if (bestQuestion >= 0 && plan.Actions.Length > 0)
        {
            var a = plan.Actions[0];
            var after = state.AfterFailure(a);
            var later = after.Mass <= Numerics.TinyMass ? 0
                : !after.IsQuestionAnswered(bestQuestion) && (IsInformative(after, bestQuestion) || UnlocksUseful(after, bestQuestion)) ? Math.Min(ExpectedCostOfObservation(after, bestQuestion), Plan(after).Cost)
                : Plan(after).Cost;
            var first = (_model.ActionCost[a] * state.Mass) + (_model.RepairCost[a] * state.FixMass(a)) + later;
            if (Numerics.Less(first, bestCost))
            {
                best = new StepChoice(StepKind.Action, a);
                bestCost = first;
            }
        }

        return new EngineDecision(best, DecisionMethod.Greedy, bestCost / state.Mass);
    }

    /// <summary>The plan's cost, or less if doing a step that opens a gate first (making a backup, asking whose device
    /// it is) and planning again pays: openers are chained up to <paramref name="depth"/> deep, since an erase may wait
    /// for both a backup and an answer.</summary>
    private double WithOpeners(DiagnosisState state, int depth)
    {
        var best = Plan(state).Cost;
        if (depth <= 0 || state.Mass <= Numerics.TinyMass)
        {
            return best;
        }

        for (var a = 0; a < _model.ActionCount; a++)
        {
            if (_planner.IsUsefulOpener(state, a))
            {
                best = Math.Min(best, (_model.ActionCost[a] * state.Mass) + (_model.RepairCost[a] * state.FixMass(a)) + WithOpeners(state.AfterFailure(a), depth - 1));
            }
        }

        for (var q = 0; q < _model.QuestionCount; q++)
        {
            if (_planner.Constraints.QuestionUnlocksUseful(state.Weights, state.Key, q))
            {
                best = Math.Min(best, OpeningQuestionCost(state, q, depth - 1));
            }
        }

        return best;
    }

    private double OpeningQuestionCost(DiagnosisState state, int q, int depth)
    {
        var cost = _model.QuestionCost[q] * state.Mass;
        for (var ans = 0; ans < _model.Likelihood[q].Length; ans++)
        {
            if (state.AnswerMass(q, ans) > Numerics.TinyMass)
            {
                cost += WithOpeners(state.AfterAnswer(q, ans), depth);
            }
        }

        return cost;
    }

    /// <summary>ECR of the plan from this state, per unit of probability (the "go on without asking" cost).</summary>
    public double RepairCost(DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Mass > 0 ? Plan(state).Cost / state.Mass : 0;
    }

    /// <summary>ECO of a question, per unit of probability.</summary>
    public double ExpectedCostOfObservation(DiagnosisState state, int question, bool normalised) =>
        normalised ? ExpectedCostOfObservation(state, question) / state.Mass : ExpectedCostOfObservation(state, question);

    /// <summary>The myopic value of information of a question: ECR − Σ_q P(q)·ECR(q), per unit of probability.</summary>
    public double ValueOfInformation(DiagnosisState state, int question)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Mass <= Numerics.TinyMass)
        {
            return 0;
        }

        var after = ExpectedCostOfObservation(state, question) - (_model.QuestionCost[question] * state.Mass);
        return (Plan(state).Cost - after) / state.Mass;
    }

    /// <summary>Expected cost if the action is tried now and the greedy plan continues after a failure.</summary>
    internal double LookAhead(DiagnosisState state, int action) =>
        (_model.ActionCost[action] * state.Mass) + (_model.RepairCost[action] * state.FixMass(action))
        + Plan(state.AfterFailure(action)).Cost;

    internal bool IsUseful(DiagnosisState state, int action) => _planner.IsUseful(state, action);

    internal bool IsUsefulOpener(DiagnosisState state, int action) => _planner.IsUsefulOpener(state, action);

    internal bool UnlocksUseful(DiagnosisState state, int question) =>
        _planner.Constraints.QuestionUnlocksUseful(state.Weights, state.Key, question);

    internal bool IsAllowed(int action) => _planner.IsAllowed(action);

    internal bool HasUsefulAction(DiagnosisState state)
    {
        for (var a = 0; a < _model.ActionCount; a++)
        {
            if (_planner.IsUseful(state, a))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A question can move the belief only if some answer's likelihood differs between causes that
    /// are still possible.</summary>
    internal static bool IsInformative(DiagnosisState state, int question)
    {
        var model = state.Model;
        foreach (var l in model.Likelihood[question])
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var k = 0; k < l.Length; k++)
            {
                if (state.Weights[k] > Numerics.TinyMass)
                {
                    lo = Math.Min(lo, l[k]);
                    hi = Math.Max(hi, l[k]);
                }
            }

            if (hi - lo > 1e-12)
            {
                return true;
            }
        }

        return false;
    }

    internal RepairPlan Plan(DiagnosisState state)
    {
        if (!_plans.TryGetValue(state.Key, out var plan))
        {
            plan = _planner.Plan(state);
            _plans[state.Key] = plan;
        }

        return plan;
    }

    /// <summary>C_Q·P(ε) + Σ_q ECR(ε, q), where ECR(ε, q) is the better of the plan made after the answer and
    /// the current plan carried on regardless: an answer can always be ignored, so the value of information is
    /// never negative, even though the greedy plan is not optimal.</summary>
    private double ExpectedCostOfObservation(DiagnosisState state, int question)
    {
        var current = Plan(state);
        var eco = _model.QuestionCost[question] * state.Mass;
        for (var ans = 0; ans < _model.Likelihood[question].Length; ans++)
        {
            if (state.AnswerMass(question, ans) > Numerics.TinyMass)
            {
                var child = state.AfterAnswer(question, ans);
                eco += Math.Min(Plan(child).Cost, _planner.CostOf(current, child.Weights));
            }
        }

        return eco;
    }
}
