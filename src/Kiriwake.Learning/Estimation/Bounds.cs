namespace Kiriwake.Learning.Estimation;

/// <summary>The safety bounds on learned probabilities.</summary>
internal static class Bounds
{
    public static double Clamp(double p, double floor) => Math.Clamp(p, floor, 1 - floor);

    /// <summary>
    /// The closest distribution (in the sense of scaling the free entries) whose entries are all ≥ floor: entries
    /// below it are raised to it and the others share what is left, repeated until none is below. With two or more
    /// entries every entry is then also ≤ 1 − floor. A single entry stays 1.
    /// </summary>
    public static double[] Project(IReadOnlyList<double> p, double floor)
    {
        var n = p.Count;
        var result = new double[n];
        if (n == 1)
        {
            result[0] = 1;
            return result;
        }

        var atFloor = new bool[n];
        while (true)
        {
            var free = 0.0;
            var floored = 0;
            for (var i = 0; i < n; i++)
            {
                if (atFloor[i])
                {
                    floored++;
                }
                else
                {
                    free += Math.Max(p[i], 0);
                }
            }

            var left = 1 - (floor * floored);
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                if (atFloor[i])
                {
                    result[i] = floor;
                    continue;
                }

                result[i] = free > 0 ? Math.Max(p[i], 0) / free * left : left / (n - floored);
                if (result[i] < floor)
                {
                    atFloor[i] = true;
                    changed = true;
                }
            }

            if (!changed)
            {
                return result;
            }
        }
    }
}
