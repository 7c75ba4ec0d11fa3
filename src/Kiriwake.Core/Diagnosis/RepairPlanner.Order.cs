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
}
