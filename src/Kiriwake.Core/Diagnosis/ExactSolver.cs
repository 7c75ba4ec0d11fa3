namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The optimal adaptive policy by memoised AND-OR search (theory §6.1):
/// V(ε) = min( min_a [C_a·P(ε) + K_a·P(a fixes, ε) + V(ε, a failed)],
///             min_Q [C_Q·P(ε) + Σ_q V(ε, Q = q)],
///             C_s·P(ε) ),
/// over unnormalised beliefs, keyed on the observations (<see cref="StateKey"/>), so no rounding is involved.
/// While a useful action is left the session must go on (stopping is only by escalation). Time-boxed by a
/// budget of expanded states; memoised values stay valid across calls, so a session pays for each state once.
/// </summary>
public sealed class ExactSolver
{
    private readonly CompiledModel _model;
    private readonly bool[] _allowed;
    private readonly Dictionary<StateKey, (double Value, StepChoice? Choice)> _memo = [];
    private long _budgetLeft;

    public ExactSolver(CompiledModel model, GateState gates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gates);
        _model = model;
        _allowed = Enumerable.Range(0, model.ActionCount).Select(a => model.IsAllowed(a, gates)).ToArray();
    }

    /// <summary>States expanded so far (the work done; memo size).</summary>
    public long Expanded => _memo.Count;

    /// <summary>Solves from <paramref name="state"/> expanding at most <paramref name="nodeBudget"/> new states.</summary>
    /// <returns>false when the budget ran out (what was solved is kept for the next call).</returns>
    public bool TrySolve(DiagnosisState state, long nodeBudget, out EngineDecision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        _budgetLeft = nodeBudget;
        try
        {
            var value = Value(state);
            var choice = state.Mass <= Numerics.TinyMass ? null : _memo[state.Key].Choice;
            decision = new EngineDecision(choice, DecisionMethod.Exact, state.Mass > 0 ? value / state.Mass : 0);
            return true;
        }
        catch (BudgetExhaustedException)
        {
            decision = new EngineDecision(null, DecisionMethod.Exact, double.NaN);
            return false;
        }
    }

    /// <summary>The optimal expected cost of every first step from a solved state (per unit of probability),
    /// best first; used to explain a recommendation.</summary>
    public IReadOnlyList<(StepChoice Step, double ExpectedCost)> Options(DiagnosisState state, long nodeBudget)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = new List<(StepChoice, double)>();
        if (state.Mass <= Numerics.TinyMass)
        {
            return result;
        }

        _budgetLeft = nodeBudget;
        try
        {
            var useful = false;
            for (var a = 0; a < _model.ActionCount; a++)
            {
                if (IsUseful(state, a))
                {
                    useful = true;
                    result.Add((new StepChoice(StepKind.Action, a), ActionValue(state, a) / state.Mass));
                }
            }

            for (var q = 0; useful && q < _model.QuestionCount; q++)
            {
                if (!state.IsQuestionAnswered(q) && GreedyPolicy.IsInformative(state, q))
                {
                    result.Add((new StepChoice(StepKind.Question, q), QuestionValue(state, q, double.PositiveInfinity) / state.Mass));
                }
            }
        }
        catch (BudgetExhaustedException)
        {
            return [];
        }

        if (_model.Escalation is { } e)
        {
            result.Add((new StepChoice(StepKind.Escalation, 0), e.Cost));
        }

        return result.OrderBy(r => r.Item2).ToArray();
    }

    internal bool IsUseful(DiagnosisState state, int action) =>
        !state.IsActionUsed(action) && _allowed[action] && state.FixMass(action) > Numerics.TinyMass;

    private double Value(DiagnosisState state)
    {
        var mass = state.Mass;
        if (mass <= Numerics.TinyMass)
        {
            return 0;
        }

        if (_memo.TryGetValue(state.Key, out var known))
        {
            return known.Value;
        }

        if (--_budgetLeft < 0)
        {
            throw new BudgetExhaustedException();
        }

        var best = double.PositiveInfinity;
        StepChoice? choice = null;
        var useful = false;
        for (var a = 0; a < _model.ActionCount; a++)
        {
            if (!IsUseful(state, a))
            {
                continue;
            }

            useful = true;
            var immediate = (_model.ActionCost[a] * mass) + (_model.RepairCost[a] * state.FixMass(a));
            if (!Numerics.Less(immediate, best))
            {
                continue;
            }

            var v = immediate + Value(state.AfterFailure(a));
            if (Numerics.Less(v, best))
            {
                best = v;
                choice = new StepChoice(StepKind.Action, a);
            }
        }

        for (var q = 0; useful && q < _model.QuestionCount; q++)
        {
            if (state.IsQuestionAnswered(q) || !GreedyPolicy.IsInformative(state, q))
            {
                continue;
            }

            var v = QuestionValue(state, q, best);
            if (Numerics.Less(v, best))
            {
                best = v;
                choice = new StepChoice(StepKind.Question, q);
            }
        }

        if (_model.Escalation is { } e && Numerics.Less(e.Cost * mass, best))
        {
            best = e.Cost * mass;
            choice = new StepChoice(StepKind.Escalation, 0);
        }

        if (choice is null)
        {
            best = 0;
        }

        _memo[state.Key] = (best, choice);
        return best;
    }

    private double ActionValue(DiagnosisState state, int a) =>
        (_model.ActionCost[a] * state.Mass) + (_model.RepairCost[a] * state.FixMass(a)) + Value(state.AfterFailure(a));

    /// <summary>C_Q·P(ε) + Σ_q V(ε, q); stops early (returning a value ≥ bound) once the bound is exceeded.</summary>
    private double QuestionValue(DiagnosisState state, int q, double bound)
    {
        var v = _model.QuestionCost[q] * state.Mass;
        for (var ans = 0; ans < _model.Likelihood[q].Length && v < bound; ans++)
        {
            if (state.AnswerMass(q, ans) > Numerics.TinyMass)
            {
                v += Value(state.AfterAnswer(q, ans));
            }
        }

        return v;
    }

    private sealed class BudgetExhaustedException : Exception
    {
    }
}
