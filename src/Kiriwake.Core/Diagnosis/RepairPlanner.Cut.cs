namespace Kiriwake.Core.Diagnosis;

/// <summary>Which actions of a plan to try before escalating: every subset (branch and bound) where that is
/// affordable, local search beyond.</summary>
internal sealed partial class RepairPlanner
{
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
}
