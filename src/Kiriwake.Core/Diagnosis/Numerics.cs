namespace Kiriwake.Core.Diagnosis;

/// <summary>The tolerances every comparison uses, so that the policy, the solver and the evaluator agree.</summary>
internal static class Numerics
{
    /// <summary>Probability mass below which a branch is treated as unreachable.</summary>
    public const double TinyMass = 1e-14;

    /// <summary>Relative margin by which one value must beat another to change a decision (ties keep the
    /// canonical order: ids sorted ordinally).</summary>
    public const double RelativeTie = 1e-12;

    public static bool Less(double a, double b) =>
        double.IsPositiveInfinity(b) ? a < b : a < b - (RelativeTie * Math.Max(1.0, Math.Abs(b)));
}
