namespace Kiriwake.Bench.Diagnosis;

/// <summary>Summary statistics of a sample (percentiles by nearest rank).</summary>
internal sealed record Stats(int Count, double Mean, double P50, double P95, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.OrderBy(v => v).ToArray();
        return new Stats(sorted.Length, sorted.Average(), Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static double Rank(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
