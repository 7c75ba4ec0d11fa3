namespace Kiriwake.Core.Diagnosis;

/// <summary>Improving the order of a plan once its steps are chosen.</summary>
internal sealed partial class RepairPlanner
{
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

    /// <summary>Puts the plan in an order the precedence constraints allow (the risk ladder): before each action,
    /// every step it comes after that could still help at that point is tried first, inserted if the cut or the
    /// moves had dropped or passed it. Precedence is a hard constraint, so this may cost more than the plan did.</summary>
    private RepairPlan EnforcePrecedence(DiagnosisState state, RepairPlan plan)
    {
        var ruledOut = _constraints.RuledOut(state.Key);
        var w = (double[])state.Weights.Clone();
        var order = new List<int>();
        var placed = 0UL;
        var changed = false;

        void Place(int a, int depth)
        {
            if ((placed & (1UL << a)) != 0 || depth > model.ActionCount)
            {
                return;
            }

            var guard = 0;
            while (!_constraints.AfterSettled(w, state.Key, a, ruledOut, placed) && guard++ < model.ActionCount)
            {
                var pending = -1;
                for (var p = 0; p < model.ActionCount && pending < 0; p++)
                {
                    if ((placed & (1UL << p)) == 0 && Array.IndexOf(plan.Actions, p) < 0 && _constraints.IsOpen(state.Key, p, ruledOut)
                        && !_constraints.IsSettled(w, state.Key, p, ruledOut, placed) && model.Actions[a].After.Contains(model.ActionIds[p], StringComparer.Ordinal))
                    {
                        pending = p;
                    }
                }

                if (pending < 0)
                {
                    break; // what is left to wait for is later in the plan or a question: the order stands as it is
                }

                changed = true;
                Place(pending, depth + 1);
            }

            order.Add(a);
            placed |= 1UL << a;
            var fail = model.FailFactor[a];
            for (var k = 0; k < w.Length; k++)
            {
                w[k] *= fail[k];
            }
        }

        // Steps of the plan itself that come too early are moved after what they wait for.
        var remaining = plan.Actions.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FindIndex(a => _constraints.AfterSettled(w, state.Key, a, ruledOut, placed)
                || !model.Actions[a].After.Any(id => model.TryFindStep(id, out var s) && s.Kind == StepKind.Action && remaining.Contains(s.Index)));
            if (next < 0)
            {
                next = 0;
            }

            changed |= next != 0;
            var a = remaining[next];
            remaining.RemoveAt(next);
            Place(a, 0);
        }

        return changed ? new RepairPlan(order.ToArray(), plan.Escalates, SubsetCost(state.Weights, order.ToArray(), null, out _, plan.Escalates)) : plan;
    }
}
