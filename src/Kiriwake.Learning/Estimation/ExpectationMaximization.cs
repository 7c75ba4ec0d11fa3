namespace Kiriwake.Learning.Estimation;

/// <summary>
/// MAP estimation by expectation–maximisation over the engine's single-fault likelihood of each transcript
/// (docs/learning.md). E-step: the posterior over causes of each case, r_ik ∝ π_k · L_i(k); a confirmed cause is a
/// full observation (r_ik = 1 for it). M-step: each probability becomes its prior mean weighted by its strength
/// plus the expected counts — (S·m + n) / (S + N) — which is the MAP under a Dirichlet/Beta prior with
/// α = S·m + 1. Probabilities observed by fewer than MinCases cases keep the knowledge base's value.
/// </summary>
internal sealed class ExpectationMaximization
{
    private readonly ParameterSpace _space;
    private readonly IReadOnlyList<CompiledCase> _cases;
    private readonly LearningOptions _options;

    public ExpectationMaximization(ParameterSpace space, IReadOnlyList<CompiledCase> cases, LearningOptions options)
    {
        _space = space;
        _cases = cases;
        _options = options;
        var floor = options.Floor;

        // The prior means: the knowledge base's values inside the bounds.
        PriorMean = space.PriorKb.Select(p => Bounds.Project(p, floor)).ToArray();
        FixMean = space.FixKb.Select(p => Bounds.Clamp(p, floor)).ToArray();
        AnswerMean = space.AnswerKb.Select(p => Bounds.Project(p, floor)).ToArray();

        SymptomCases = new int[space.Symptoms.Count];
        FixCases = new int[space.FixKeys.Count];
        AnswerCases = new int[space.AnswerKeys.Count];
        foreach (var c in cases)
        {
            SymptomCases[c.Symptom] += c.Count;
            foreach (var a in c.Actions)
            {
                foreach (var p in a.FixParameter.Where(p => p >= 0).Distinct())
                {
                    FixCases[p] += c.Count;
                }
            }

            foreach (var q in c.Answers)
            {
                foreach (var row in q.Row.Distinct())
                {
                    AnswerCases[row] += c.Count;
                }
            }
        }

        Prior = PriorMean.Select(p => (double[])p.Clone()).ToArray();
        Fix = (double[])FixMean.Clone();
        Answer = AnswerMean.Select(p => (double[])p.Clone()).ToArray();
        FixWeight = new double[space.FixKeys.Count];
        AnswerWeight = new double[space.AnswerKeys.Count];
    }

    public double[][] PriorMean { get; }

    public double[] FixMean { get; }

    public double[][] AnswerMean { get; }

    /// <summary>Closed cases behind each symptom's prior, each P(fix | cause), each answer row.</summary>
    public int[] SymptomCases { get; }

    public int[] FixCases { get; }

    public int[] AnswerCases { get; }

    public double[][] Prior { get; }

    public double[] Fix { get; }

    public double[][] Answer { get; }

    /// <summary>Expected number of cases of that cause behind each P(fix | cause) and answer row (last E-step).</summary>
    public double[] FixWeight { get; }

    public double[] AnswerWeight { get; }

    public int Iterations { get; private set; }

    public bool Moves(int cases) => cases >= _options.MinCases;

    public void Run()
    {
        var priorCounts = Prior.Select(p => new double[p.Length]).ToArray();
        var fixTries = new double[Fix.Length];
        var fixSuccesses = new double[Fix.Length];
        var answerCounts = Answer.Select(p => new double[p.Length]).ToArray();
        for (Iterations = 1; Iterations <= _options.MaxIterations; Iterations++)
        {
            Clear(priorCounts);
            Array.Clear(fixTries);
            Array.Clear(fixSuccesses);
            Clear(answerCounts);
            foreach (var c in _cases)
            {
                var r = Posterior(c);
                for (var k = 0; k < r.Length; k++)
                {
                    r[k] *= c.Count;
                }

                var counts = priorCounts[c.Symptom];
                for (var k = 0; k < r.Length; k++)
                {
                    counts[k] += r[k];
                }

                foreach (var a in c.Actions)
                {
                    for (var k = 0; k < r.Length; k++)
                    {
                        var p = a.FixParameter[k];
                        if (p >= 0)
                        {
                            fixTries[p] += r[k];
                            if (a.Fixed)
                            {
                                fixSuccesses[p] += r[k];
                            }
                        }
                    }
                }

                foreach (var q in c.Answers)
                {
                    for (var k = 0; k < r.Length; k++)
                    {
                        answerCounts[q.Row[k]][q.Answer] += r[k];
                    }
                }
            }

            var change = MaximizationStep(priorCounts, fixTries, fixSuccesses, answerCounts);
            Array.Copy(fixTries, FixWeight, fixTries.Length);
            for (var row = 0; row < answerCounts.Length; row++)
            {
                AnswerWeight[row] = answerCounts[row].Sum();
            }

            if (change < _options.Tolerance)
            {
                break;
            }
        }

        Iterations = Math.Min(Iterations, _options.MaxIterations);
    }

    /// <summary>P(cause | the case's transcript) under the current estimates (a confirmed cause: certain).</summary>
    public double[] Posterior(CompiledCase c)
    {
        var prior = Prior[c.Symptom];
        var r = new double[prior.Length];
        if (c.Confirmed >= 0)
        {
            r[c.Confirmed] = 1;
            return r;
        }

        var total = 0.0;
        for (var k = 0; k < r.Length; k++)
        {
            var w = prior[k];
            foreach (var a in c.Actions)
            {
                var p = a.FixParameter[k];
                w *= p < 0 ? (a.Fixed ? 0 : 1) : (a.Fixed ? Fix[p] : 1 - Fix[p]);
            }

            foreach (var q in c.Answers)
            {
                w *= Answer[q.Row[k]][q.Answer];
            }

            r[k] = w;
            total += w;
        }

        if (total <= 0)
        {
            // Cannot happen with estimates inside the bounds and a fixing step that fixes some cause (checked).
            return r;
        }

        for (var k = 0; k < r.Length; k++)
        {
            r[k] /= total;
        }

        return r;
    }

    private double MaximizationStep(double[][] priorCounts, double[] fixTries, double[] fixSuccesses, double[][] answerCounts)
    {
        var change = 0.0;
        var floor = _options.Floor;
        for (var s = 0; s < Prior.Length; s++)
        {
            if (Moves(SymptomCases[s]))
            {
                change = Math.Max(change, Update(Prior[s], Bounds.Project(Posterior(PriorMean[s], _options.PriorStrength, priorCounts[s]), floor)));
            }
        }

        for (var p = 0; p < Fix.Length; p++)
        {
            if (Moves(FixCases[p]))
            {
                var strength = _options.FixStrength;
                var value = Bounds.Clamp(((strength * FixMean[p]) + fixSuccesses[p]) / (strength + fixTries[p]), floor);
                change = Math.Max(change, Math.Abs(value - Fix[p]));
                Fix[p] = value;
            }
        }

        for (var row = 0; row < Answer.Length; row++)
        {
            if (Moves(AnswerCases[row]))
            {
                change = Math.Max(change, Update(Answer[row], Bounds.Project(Posterior(AnswerMean[row], _options.AnswerStrength, answerCounts[row]), floor)));
            }
        }

        return change;
    }

    /// <summary>The Dirichlet posterior mode with α = S·m + 1: (S·m_j + n_j) / (S + N).</summary>
    private static double[] Posterior(double[] mean, double strength, double[] counts)
    {
        var total = strength + counts.Sum();
        return mean.Select((m, j) => ((strength * m) + counts[j]) / total).ToArray();
    }

    private static double Update(double[] target, double[] value)
    {
        var change = 0.0;
        for (var i = 0; i < target.Length; i++)
        {
            change = Math.Max(change, Math.Abs(value[i] - target[i]));
            target[i] = value[i];
        }

        return change;
    }

    private static void Clear(double[][] arrays)
    {
        foreach (var a in arrays)
        {
            Array.Clear(a);
        }
    }
}
