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
internal sealed class RepairPlanner(CompiledModel model, GateState gates, int maxCutEnumeration)
{
    private readonly bool[] _allowed = Enumerable.Range(0, model.ActionCount).Select(a => model.IsAllowed(a, gates)).ToArray();

    public bool IsAllowed(int action) => _allowed[action];

    /// <summary>An action worth trying here: not used, allowed by the gates, with a chance to fix.</summary>
    public bool IsUseful(DiagnosisState state, int action) =>
        !state.IsActionUsed(action) && _allowed[action] && state.FixMass(action) > Numerics.TinyMass;

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
            if (best is null || Numerics.Less(plan.Cost, best.Cost))
            {
                best = plan;
            }
        }

        return best!;
    }

    /// <summary>Plans up to this length are improved by moving any step earlier, longer ones by swapping neighbours.</summary>
    public const int MaxInsertionPlan = 12;

    /// <summary>Moves single steps earlier while that lowers the plan's expected cost: an action that fixes for
    /// certain what several cheaper ones each fix partly is worth trying first, which one-at-a-time ranking
    /// cannot see (min-sum set cover).</summary>
    private RepairPlan ImproveByMoves(double[] weights, RepairPlan plan)
    {
        var order = plan.Actions.ToList();
        var cost = plan.Cost;
        for (var pass = 0; pass < order.Count * order.Count; pass++)
        {
            var improved = false;
            for (var i = 1; i < order.Count && !improved; i++)
            {
                for (var j = 0; j < i && !improved; j++)
                {
                    var moved = new List<int>(order);
                    var a = moved[i];
                    moved.RemoveAt(i);
                    moved.Insert(j, a);
                    var c = SubsetCost(weights, moved.ToArray(), null, out _, plan.Escalates);
                    if (Numerics.Less(c, cost))
                    {
                        (order, cost, improved) = (moved, c, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return cost < plan.Cost ? new RepairPlan(order.ToArray(), plan.Escalates, cost) : plan;
    }

    /// <summary>Swaps neighbours of the plan while that lowers its expected cost (order matters once actions
    /// overlap; the Kadane–Simon exchange argument made exact for dependent actions).</summary>
    private RepairPlan ImproveBySwaps(double[] weights, RepairPlan plan)
    {
        var order = (int[])plan.Actions.Clone();
        var cost = plan.Cost;
        for (var pass = 0; pass < order.Length; pass++)
        {
            var improved = false;
            for (var i = 0; i + 1 < order.Length; i++)
            {
                (order[i], order[i + 1]) = (order[i + 1], order[i]);
                var c = SubsetCost(weights, order, null, out _, plan.Escalates);
                if (Numerics.Less(c, cost))
                {
                    cost = c;
                    improved = true;
                }
                else
                {
                    (order[i], order[i + 1]) = (order[i + 1], order[i]);
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return cost < plan.Cost ? new RepairPlan(order, plan.Escalates, cost) : plan;
    }

    private int[] UpdatingPOverC(DiagnosisState state, bool withRepair)
    {
        var w = (double[])state.Weights.Clone();
        var candidates = new List<int>();
        for (var a = 0; a < model.ActionCount; a++)
        {
            if (!state.IsActionUsed(a) && _allowed[a])
            {
                candidates.Add(a);
            }
        }

        var sequence = new List<int>();
        while (candidates.Count > 0)
        {
            var best = -1;
            var bestFix = 0.0;
            foreach (var a in candidates)
            {
                var fm = FixMass(w, a);
                if (fm <= Numerics.TinyMass)
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

    /// <summary>Search nodes the exact cut may visit before it gives way to local search (branch and bound keeps
    /// real plans of 25+ actions far below this; the cap bounds the worst case).</summary>
    public const int CutNodeBudget = 200_000;

    /// <returns>null when the search exceeded <see cref="CutNodeBudget"/>.</returns>
    private RepairPlan? EnumerateCut(double[] weights, int[] sequence)
    {
        var nodes = 0;
        var n = sequence.Length;
        var buffers = new double[n + 1][];
        for (var i = 0; i <= n; i++)
        {
            buffers[i] = new double[weights.Length];
        }

        Array.Copy(weights, buffers[0], weights.Length);
        var chosen = new bool[n];
        var bestChosen = new bool[n];
        var best = double.PositiveInfinity;
        var escalation = model.Escalation!.Cost;

        // least[i][k]: the least a cause-k path can still cost from position i on: escalating, or trying one of
        // the later actions that can fix k. Σ_k w_k·least[i][k] bounds what any completion adds (branch and bound).
        var causes = weights.Length;
        var least = new double[n + 1][];
        least[n] = Enumerable.Repeat(escalation, causes).ToArray();
        for (var i = n - 1; i >= 0; i--)
        {
            least[i] = (double[])least[i + 1].Clone();
            var a = sequence[i];
            for (var k = 0; k < causes; k++)
            {
                if (model.Fix[a][k] > 0)
                {
                    least[i][k] = Math.Min(least[i][k], model.ActionCost[a]);
                }
            }
        }

        void Search(int i, double acc)
        {
            if (++nodes > CutNodeBudget)
            {
                return;
            }

            var w = buffers[i];
            var bound = acc;
            var mass = 0.0;
            for (var k = 0; k < causes; k++)
            {
                bound += w[k] * least[i][k];
                mass += w[k];
            }

            if (bound >= best)
            {
                return;
            }

            if (i == n || mass <= Numerics.TinyMass)
            {
                var total = acc + (escalation * mass);
                if (Numerics.Less(total, best))
                {
                    best = total;
                    Array.Copy(chosen, bestChosen, n);
                    Array.Clear(bestChosen, i, n - i);
                }

                return;
            }

            var a = sequence[i];
            var next = buffers[i + 1];
            var fail = model.FailFactor[a];
            var fm = 0.0;
            for (var k = 0; k < w.Length; k++)
            {
                fm += w[k] * model.Fix[a][k];
                next[k] = w[k] * fail[k];
            }

            if (fm > Numerics.TinyMass)
            {
                chosen[i] = true;
                Search(i + 1, acc + (model.ActionCost[a] * mass) + (model.RepairCost[a] * fm));
            }

            chosen[i] = false;
            Array.Copy(w, next, w.Length);
            Search(i + 1, acc);
        }

        Search(0, 0);
        return nodes > CutNodeBudget ? null : Result(sequence, bestChosen, best);
    }

    /// <summary>For long plans: the best prefix, then single additions and removals while they help.</summary>
    private RepairPlan LocalSearchCut(double[] weights, int[] sequence)
    {
        var n = sequence.Length;
        var chosen = new bool[n];
        var best = SubsetCost(weights, sequence, chosen, out _);
        var bestPrefix = 0;
        for (var i = 0; i < n; i++)
        {
            chosen[i] = true;
            var c = SubsetCost(weights, sequence, chosen, out _);
            if (Numerics.Less(c, best))
            {
                best = c;
                bestPrefix = i + 1;
            }
        }

        for (var i = 0; i < n; i++)
        {
            chosen[i] = i < bestPrefix;
        }

        for (var improved = true; improved;)
        {
            improved = false;
            for (var i = 0; i < n; i++)
            {
                chosen[i] = !chosen[i];
                var c = SubsetCost(weights, sequence, chosen, out _);
                if (Numerics.Less(c, best))
                {
                    best = c;
                    improved = true;
                }
                else
                {
                    chosen[i] = !chosen[i];
                }
            }
        }

        return Result(sequence, chosen, best);
    }

    private static RepairPlan Result(int[] sequence, bool[] chosen, double cost) =>
        new(sequence.Where((_, i) => chosen[i]).ToArray(), true, cost);

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
