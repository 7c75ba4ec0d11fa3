namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The optimal adaptive policy by memoised AND-OR search (theory §6.1):
/// V(ε) = min( min_a [C_a·P(ε) + K_a·P(a fixes, ε) + V(ε, a failed)],
///             min_Q [C_Q·P(ε) + Σ_q V(ε, Q = q)],
///             C_s·P(ε) ),
/// over unnormalised beliefs, keyed on the observations (<see cref="StateKey"/>), so no rounding is involved.
/// While a useful action is left the session must go on (stopping is only by escalation). Options whose
/// immediate cost plus a lower bound of what follows cannot beat the best so far are skipped (branch and
/// bound); children are always solved completely, so every memoised value is exact. Time-boxed by a budget of
/// expanded states per call, and bounded in memory over all calls (<see cref="DefaultMemoryBytes"/>); memoised
/// values stay valid across calls, so a session pays for each state once.
/// </summary>
public sealed class ExactSolver
{
    private readonly CompiledModel _model;
    private readonly bool[] _allowed;
    private readonly StepConstraints _constraints;
    private readonly double[] _leastCost;
    private readonly Dictionary<StateKey, (double Value, StepChoice? Choice)> _memo = [];
    private readonly List<double[]> _buffers = [];
    private readonly long _maxStates;
    private long _budgetLeft;

    /// <summary>About what one memoised state holds: its key (24 bytes), value and choice, and the dictionary entry.</summary>
    public const int BytesPerState = 96;

    /// <summary>The memory the memo may take by default: a session, and `kb eval` scoring every state of a policy tree, stay well under a laptop's memory.</summary>
    public const long DefaultMemoryBytes = 256L * 1024 * 1024;

    /// <param name="memoryBytes">The memo's memory bound: past it no new state is solved, and the caller falls back to the greedy policy.</param>
    public ExactSolver(CompiledModel model, GateState gates, long memoryBytes = DefaultMemoryBytes)
    {
        _maxStates = Math.Max(1, memoryBytes / BytesPerState);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gates);
        _model = model;
        _constraints = new StepConstraints(model, gates);
        _allowed = Enumerable.Range(0, model.ActionCount).Select(_constraints.IsAllowed).ToArray();

        // The least any path under cause k can still cost: its last step is an escalation, or an allowed action
        // that can fix k (tried at least once before the session can end). A lower bound for pruning.
        _leastCost = new double[model.CauseCount];
        for (var k = 0; k < model.CauseCount; k++)
        {
            var least = model.Escalation?.Cost ?? double.PositiveInfinity;
            for (var a = 0; a < model.ActionCount; a++)
            {
                if (_allowed[a] && model.Fix[a][k] > 0)
                {
                    least = Math.Min(least, model.ActionCost[a]);
                }
            }

            _leastCost[k] = double.IsPositiveInfinity(least) ? 0 : least;
        }
    }

    /// <summary>States expanded so far (the work done; memo size).</summary>
    public long Expanded => _memo.Count;

    /// <summary>
    /// True once the memo reached its memory bound (states kept across calls add up over a session or an
    /// evaluation): from then on only states already solved are answered exactly, and callers use the greedy policy.
    /// </summary>
    public bool MemoryExhausted { get; private set; }

    /// <summary>Solves from <paramref name="state"/> expanding at most <paramref name="nodeBudget"/> new states.</summary>
    /// <returns>false when the budget ran out (what was solved is kept for the next call).</returns>
    public bool TrySolve(DiagnosisState state, long nodeBudget, out EngineDecision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        _budgetLeft = nodeBudget;
        try
        {
            var value = Solve(state.Weights, state.Key, 0);
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

    /// <summary>The optimal expected cost if <paramref name="step"/> came first and the optimal policy followed
    /// (per unit of probability); NaN when the budget runs out. Used to explain a recommendation.</summary>
    public double OptionValue(DiagnosisState state, StepChoice step, long nodeBudget)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Mass <= Numerics.TinyMass)
        {
            return 0;
        }

        _budgetLeft = nodeBudget;
        try
        {
            var v = step.Kind switch
            {
                StepKind.Action => (_model.ActionCost[step.Index] * state.Mass) + (_model.RepairCost[step.Index] * state.FixMass(step.Index))
                    + SolveState(state.AfterFailure(step.Index)),
                StepKind.Question => (_model.QuestionCost[step.Index] * state.Mass)
                    + Enumerable.Range(0, _model.Likelihood[step.Index].Length).Sum(ans => SolveState(state.AfterAnswer(step.Index, ans))),
                _ => _model.Escalation!.Cost * state.Mass,
            };
            return v / state.Mass;
        }
        catch (BudgetExhaustedException)
        {
            return double.NaN;
        }
    }

    private double SolveState(DiagnosisState state) => Solve(state.Weights, state.Key, 0);

    private double Solve(double[] w, StateKey key, int depth)
    {
        var mass = Sum(w);
        if (mass <= Numerics.TinyMass)
        {
            return 0;
        }

        if (_memo.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        if (--_budgetLeft < 0)
        {
            throw new BudgetExhaustedException();
        }

        if (_memo.Count >= _maxStates)
        {
            MemoryExhausted = true;
            throw new BudgetExhaustedException();
        }

        while (_buffers.Count <= depth + 1)
        {
            _buffers.Add(new double[w.Length]);
        }

        var child = _buffers[depth + 1];
        var escalation = _model.Escalation is { } e ? e.Cost * mass : double.PositiveInfinity;
        var best = double.PositiveInfinity;
        StepChoice? choice = null;
        var useful = false;
        var ruledOut = _constraints.RuledOut(key);
        for (var a = 0; a < _model.ActionCount; a++)
        {
            if (!_constraints.IsOpen(key, a, ruledOut) || !_constraints.AfterSettled(w, key, a, ruledOut, 0UL))
            {
                continue;
            }

            var fix = _model.Fix[a];
            var fail = _model.FailFactor[a];
            var fm = 0.0;
            var bound = 0.0;
            for (var k = 0; k < w.Length; k++)
            {
                fm += w[k] * fix[k];
                child[k] = w[k] * fail[k];
                bound += child[k] * _leastCost[k];
            }

            // An action that fixes nothing here is still worth doing when it opens a gate another useful action waits for.
            if (fm <= Numerics.TinyMass && !_constraints.UnlocksUseful(w, key, a))
            {
                continue;
            }

            useful = true;
            var immediate = (_model.ActionCost[a] * mass) + (_model.RepairCost[a] * fm);
            if (Prunable(immediate + bound, Math.Min(best, escalation)))
            {
                continue;
            }

            var v = immediate + Solve(child, key with { Failed = key.Failed | (1UL << a) }, depth + 1);
            if (Numerics.Less(v, best))
            {
                best = v;
                choice = new StepChoice(StepKind.Action, a);
            }
        }

        if (_model.QuestionCount > 0)
        {
            var lowerAll = 0.0;
            for (var k = 0; k < w.Length; k++)
            {
                lowerAll += w[k] * _leastCost[k];
            }

            for (var q = 0; q < _model.QuestionCount; q++)
            {
                var shift = 4 * q;
                // A question is worth asking when it can move the belief while an action can still help, or when an
                // action that can help waits for its answer (precedence, or a gate its answer opens).
                if (((key.Answers >> shift) & 0xF) != 0
                    || !((useful && IsInformative(w, q)) || _constraints.QuestionUnlocksUseful(w, key, q)))
                {
                    continue;
                }

                var v = _model.QuestionCost[q] * mass;
                var lowerDone = 0.0;
                var pruned = false;
                var likelihood = _model.Likelihood[q];
                for (var ans = 0; ans < likelihood.Length; ans++)
                {
                    // What is left is worth at least the bound of the answers not yet solved (the bound is linear).
                    if (Prunable(v + lowerAll - lowerDone, Math.Min(best, escalation)))
                    {
                        pruned = true;
                        break;
                    }

                    var l = likelihood[ans];
                    var childMass = 0.0;
                    var lower = 0.0;
                    for (var k = 0; k < w.Length; k++)
                    {
                        child[k] = w[k] * l[k];
                        childMass += child[k];
                        lower += child[k] * _leastCost[k];
                    }

                    lowerDone += lower;
                    if (childMass > Numerics.TinyMass)
                    {
                        var answers = (key.Answers & ~(0xFUL << shift)) | ((ulong)(ans + 1) << shift);
                        v += Solve(child, key with { Answers = answers }, depth + 1);
                    }
                }

                if (!pruned && Numerics.Less(v, best))
                {
                    best = v;
                    choice = new StepChoice(StepKind.Question, q);
                }
            }
        }

        if (Numerics.Less(escalation, best))
        {
            best = escalation;
            choice = new StepChoice(StepKind.Escalation, 0);
        }

        if (choice is null)
        {
            best = 0;
        }

        _memo[key] = (best, choice);
        return best;
    }

    /// <summary>An option whose lower bound exceeds the best value so far cannot win (ties are kept, so the
    /// canonical order still decides them).</summary>
    private static bool Prunable(double lowerBound, double best) =>
        !double.IsPositiveInfinity(best) && lowerBound > best + (Numerics.RelativeTie * Math.Max(1.0, Math.Abs(best)));

    private bool IsInformative(double[] w, int question)
    {
        foreach (var l in _model.Likelihood[question])
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var k = 0; k < l.Length; k++)
            {
                if (w[k] > Numerics.TinyMass)
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

    private static double Sum(double[] w)
    {
        var s = 0.0;
        foreach (var x in w)
        {
            s += x;
        }

        return s;
    }

    private sealed class BudgetExhaustedException : Exception
    {
    }
}
