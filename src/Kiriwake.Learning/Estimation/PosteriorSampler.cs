namespace Kiriwake.Learning.Estimation;

/// <summary>
/// Draws the probabilities from their posterior given the cases by data augmentation (a Gibbs sampler): each case's
/// cause is drawn from P(cause | transcript, current probabilities) — a confirmed cause stays — then every probability
/// from its Dirichlet/Beta posterior given those causes, and again. The prior is centred on the knowledge base's value m
/// as its mean, as strong as the EM's (whose mode is m): Dirichlet((S + K)·m) over K entries, Beta((S + 2)·m,
/// (S + 2)·(1 − m)); the posterior adds the counts. Where the transcripts cannot tell two explanations apart the draws
/// spread along them, where the EM's mode sits wherever the noise put it. Starts from the EM's estimate (it overwrites
/// <paramref name="em"/>'s arrays); seeded, so the same cases give the same draws.
/// </summary>
internal sealed class PosteriorSampler(ExpectationMaximization em, IReadOnlyList<CompiledCase> cases, LearningOptions options, Random rng)
{
    /// <summary>
    /// Replaces the EM's estimate by the posterior mean: <paramref name="burnIn"/> sweeps, then the average of the
    /// next <paramref name="sweeps"/>, put inside the bounds. Probabilities that do not move (too few cases) keep the
    /// knowledge base's value.
    /// </summary>
    public void AverageInto(int burnIn, int sweeps)
    {
        for (var i = 0; i < burnIn; i++)
        {
            Sweep();
        }

        var prior = em.Prior.Select(p => new double[p.Length]).ToArray();
        var fix = new double[em.Fix.Length];
        var answer = em.Answer.Select(p => new double[p.Length]).ToArray();
        for (var i = 0; i < sweeps; i++)
        {
            Sweep();
            Add(em.Prior, prior);
            Add([em.Fix], [fix]);
            Add(em.Answer, answer);
        }

        var floor = options.Floor;
        for (var s = 0; s < prior.Length; s++)
        {
            Copy(Bounds.Project(prior[s].Select(x => x / sweeps).ToArray(), floor), em.Prior[s]);
        }

        for (var p = 0; p < fix.Length; p++)
        {
            em.Fix[p] = Bounds.Clamp(fix[p] / sweeps, floor);
        }

        for (var row = 0; row < answer.Length; row++)
        {
            Copy(Bounds.Project(answer[row].Select(x => x / sweeps).ToArray(), floor), em.Answer[row]);
        }
    }

    /// <summary>One sweep: every case's cause drawn, then every probability that moves drawn given those causes.</summary>
    public void Sweep()
    {
        var priorCounts = em.Prior.Select(p => new double[p.Length]).ToArray();
        var fixTries = new double[em.Fix.Length];
        var fixSuccesses = new double[em.Fix.Length];
        var answerCounts = em.Answer.Select(p => new double[p.Length]).ToArray();
        foreach (var c in cases)
        {
            var r = em.Posterior(c);
            for (var unit = 0; unit < c.Count; unit++)
            {
                var k = Draw(r);
                priorCounts[c.Symptom][k]++;
                foreach (var a in c.Actions)
                {
                    if (a.FixParameter[k] is var p && p >= 0)
                    {
                        fixTries[p]++;
                        if (a.Fixed)
                        {
                            fixSuccesses[p]++;
                        }
                    }
                }

                foreach (var q in c.Answers)
                {
                    answerCounts[q.Row[k]][q.Answer]++;
                }
            }
        }

        var floor = options.Floor;
        for (var s = 0; s < em.Prior.Length; s++)
        {
            if (em.Moves(em.SymptomCases[s]) && em.Prior[s].Length > 1)
            {
                Copy(Bounds.Project(Dirichlet(em.PriorMean[s], options.PriorStrength, priorCounts[s]), floor), em.Prior[s]);
            }
        }

        for (var p = 0; p < em.Fix.Length; p++)
        {
            if (em.Moves(em.FixCases[p]))
            {
                var m = em.FixMean[p];
                var weight = options.FixStrength + 2;
                var a = Gamma((weight * m) + fixSuccesses[p]);
                var b = Gamma((weight * (1 - m)) + fixTries[p] - fixSuccesses[p]);
                em.Fix[p] = Bounds.Clamp(a / (a + b), floor);
            }
        }

        for (var row = 0; row < em.Answer.Length; row++)
        {
            if (em.Moves(em.AnswerCases[row]))
            {
                Copy(Bounds.Project(Dirichlet(em.AnswerMean[row], options.AnswerStrength, answerCounts[row]), floor), em.Answer[row]);
            }
        }
    }

    private double[] Dirichlet(double[] mean, double strength, double[] counts)
    {
        var weight = strength + mean.Length;
        var g = mean.Select((m, j) => Gamma((weight * m) + counts[j])).ToArray();
        var total = g.Sum();
        return g.Select(x => x / total).ToArray();
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang.</summary>
    private double Gamma(double shape)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) · U^(1/a) for a < 1.
            return Gamma(shape + 1) * Math.Pow(1 - rng.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = rng.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private double Normal()
    {
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private int Draw(double[] p)
    {
        var u = rng.NextDouble() * p.Sum();
        for (var i = 0; i < p.Length; i++)
        {
            u -= p[i];
            if (u < 0)
            {
                return i;
            }
        }

        return p.Length - 1;
    }

    private static void Add(double[][] values, double[][] sums)
    {
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < values[i].Length; j++)
            {
                sums[i][j] += values[i][j];
            }
        }
    }

    private static void Copy(double[] from, double[] to) => Array.Copy(from, to, to.Length);
}
