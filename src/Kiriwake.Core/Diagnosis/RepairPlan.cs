namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The sequence the greedy policy would follow from a state if it asked no more questions: the actions it
/// tries (in order), then the escalation if <see cref="Escalates"/>. <see cref="Cost"/> is its expected cost
/// of repair, unnormalised (times the state's mass).
/// </summary>
internal sealed record RepairPlan(int[] Actions, bool Escalates, double Cost)
{
    public static RepairPlan Nothing { get; } = new([], false, 0);
}

/// <summary>
/// Builds <see cref="RepairPlan"/>s: updating P-over-C (re-rank after every failure, theory §2.1), then the
/// exact choice of which of those actions to try before escalating (§1.5: a prefix of the P-over-C order
/// can be 14–37 % worse when repair costs are separate, so every subset is scored, not every prefix).
/// </summary>
internal sealed partial class RepairPlanner(CompiledModel model, GateState gates, int maxCutEnumeration)
{
    private readonly StepConstraints _constraints = new(model, gates);

    internal StepConstraints Constraints => _constraints;

    /// <summary>Allowed by the gates, or waiting for a step of the model that opens them.</summary>
    public bool IsAllowed(int action) => _constraints.IsAllowed(action);

    /// <summary>An action worth trying here: available (gates, precedence, not ruled out), with a chance to fix.</summary>
    public bool IsUseful(DiagnosisState state, int action) =>
        _constraints.IsAvailable(state.Weights, state.Key, action) && state.FixMass(action) > Numerics.TinyMass;

    /// <summary>An action that fixes nothing here but opens a gate a useful action waits for.</summary>
    public bool IsUsefulOpener(DiagnosisState state, int action) =>
        _constraints.IsAvailable(state.Weights, state.Key, action) && state.FixMass(action) <= Numerics.TinyMass
        && _constraints.UnlocksUseful(state.Weights, state.Key, action);

    public RepairPlan Plan(DiagnosisState state)
    {
        if (state.Mass <= Numerics.TinyMass)
        {
            return RepairPlan.Nothing;
        }

        // Two rankings: P(fix)/C (Kadane–Simon: optimal for independent actions, where repair costs are paid
        // whatever the order) and P(fix)/(C + P(fix)·K), the step's expected cost (when several actions can fix
        // one cause, a cheap check with a dear repair loses to a dearer check that repairs for free). Each gets
        // its exact escalation cut, then adjacent swaps while they help; the cheaper plan wins.
        RepairPlan? best = null;
        foreach (var withRepair in new[] { false, true })
        {
            var sequence = UpdatingPOverC(state, withRepair);
            var plan = model.Escalation is null
                ? new RepairPlan(sequence, false, SubsetCost(state.Weights, sequence, null, out _)) // nothing ends the session early
                : (sequence.Length <= maxCutEnumeration ? EnumerateCut(state.Weights, sequence) : null) ?? LocalSearchCut(state.Weights, sequence);
            plan = plan.Actions.Length <= MaxInsertionPlan ? ImproveByMoves(state.Weights, plan) : ImproveBySwaps(state.Weights, plan);
            plan = EnforcePrecedence(state, plan);
            if (best is null || Numerics.Less(plan.Cost, best.Cost))
            {
                best = plan;
            }
        }

        return best!;
    }

    private int[] UpdatingPOverC(DiagnosisState state, bool withRepair)
    {
        var w = (double[])state.Weights.Clone();
        var ruledOut = _constraints.RuledOut(state.Key);
        var candidates = new List<int>();
        for (var a = 0; a < model.ActionCount; a++)
        {
            if (_constraints.IsOpen(state.Key, a, ruledOut))
            {
                candidates.Add(a);
            }
        }

        var sequence = new List<int>();
        var placed = 0UL;
        while (candidates.Count > 0)
        {
            var best = -1;
            var bestFix = 0.0;
            foreach (var a in candidates)
            {
                var fm = FixMass(w, a);
                if (fm <= Numerics.TinyMass || !_constraints.AfterSettled(w, state.Key, a, ruledOut, placed))
                {
                    continue;
                }

                var mass = Sum(w);
                var cost = model.ActionCost[a] + (withRepair && mass > 0 ? model.RepairCost[a] * fm / mass : 0);
                var bestCost = best < 0 ? 0 : model.ActionCost[best] + (withRepair && mass > 0 ? model.RepairCost[best] * bestFix / mass : 0);
                if (best < 0 || MoreEfficient(fm, cost, bestFix, bestCost))
                {
                    best = a;
                    bestFix = fm;
                }
            }

            if (best < 0)
            {
                break;
            }

            sequence.Add(best);
            placed |= 1UL << best;
            candidates.Remove(best);
            var fail = model.FailFactor[best];
            for (var k = 0; k < w.Length; k++)
            {
                w[k] *= fail[k];
            }
        }

        return sequence.ToArray();
    }

    /// <summary>fa/ca &gt; fb/cb, cross-multiplied so that a free step (cost 0) is the most efficient; ties go to
    /// the larger chance, then to the earlier id.</summary>
    private static bool MoreEfficient(double fa, double ca, double fb, double cb)
    {
        var left = fa * cb;
        var right = fb * ca;
        var margin = Numerics.RelativeTie * Math.Max(left, right);
        if (left > right + margin)
        {
            return true;
        }

        return left >= right - margin && fa > fb * (1 + Numerics.RelativeTie);
    }

    private double FixMass(double[] w, int action)
    {
        var f = model.Fix[action];
        var s = 0.0;
        for (var k = 0; k < w.Length; k++)
        {
            s += w[k] * f[k];
        }

        return s;
    }

    /// <summary>Expected cost of following an existing plan from other weights (the plan of a parent state
    /// applied after an answer).</summary>
    public double CostOf(RepairPlan plan, double[] weights) => SubsetCost(weights, plan.Actions, null, out _, plan.Escalates);

    /// <summary>Expected cost of trying the chosen actions in sequence order, then escalating (if any).</summary>
    private double SubsetCost(double[] weights, int[] sequence, bool[]? chosen, out double endMass, bool escalates = true)
    {
        var w = (double[])weights.Clone();
        var cost = 0.0;
        for (var i = 0; i < sequence.Length; i++)
        {
            if (chosen is not null && !chosen[i])
            {
                continue;
            }

            var a = sequence[i];
            var mass = Sum(w);
            var fm = FixMass(w, a);
            if (fm <= Numerics.TinyMass)
            {
                // Earlier steps already ruled out everything this one could fix: the policy would not try it.
                continue;
            }

            cost += (model.ActionCost[a] * mass) + (model.RepairCost[a] * fm);
            var fail = model.FailFactor[a];
            for (var k = 0; k < w.Length; k++)
            {
                w[k] *= fail[k];
            }
        }

        endMass = Sum(w);
        return cost + (escalates && model.Escalation is { } e ? e.Cost * endMass : 0);
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
}
