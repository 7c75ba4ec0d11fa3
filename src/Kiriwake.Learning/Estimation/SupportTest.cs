namespace Kiriwake.Learning.Estimation;

/// <summary>
/// The safeguard against learning from too little information (docs/learning.md, "Support"): a learned probability
/// is kept only when the cases reject the knowledge base's value for it — twice the log-likelihood of the cases
/// drops by at least <see cref="LearningOptions.Support"/> (3.84: a likelihood-ratio test at 95 % with one degree of
/// freedom) when that one probability is put back to the knowledge base's value, the others as learned (a prior's
/// other entries rescaled to sum 1). A probability that fails is held at the knowledge base's value and EM runs again
/// for the others; repeated until every probability still learned passes. Counting cases is not enough: a symptom's
/// prior has every case of the symptom behind it, but a cause whose actions were tried in ten cases is known from ten.
/// </summary>
internal static class SupportTest
{
    private const int MaxRounds = 25;

    /// <summary>Runs EM, then holds back what the cases do not support. Returns the number of probabilities
    /// (prior entries, P(fix | cause), answer rows) held back at the knowledge base's value although enough cases
    /// observed them.</summary>
    public static int Run(ExpectationMaximization em, LearningOptions options)
    {
        em.Run();
        if (options.Support <= 0)
        {
            return 0;
        }

        var bySymptom = new Dictionary<int, List<CompiledCase>>();
        var byFix = new Dictionary<int, List<CompiledCase>>();
        var byRow = new Dictionary<int, List<CompiledCase>>();
        foreach (var c in em.Cases)
        {
            Add(bySymptom, c.Symptom, c);
            foreach (var p in c.Actions.SelectMany(a => a.FixParameter).Where(p => p >= 0).Distinct())
            {
                Add(byFix, p, c);
            }

            foreach (var row in c.Answers.SelectMany(q => q.Row).Distinct())
            {
                Add(byRow, row, c);
            }
        }

        var held = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var newly = 0;
            for (var s = 0; s < em.Prior.Length; s++)
            {
                if (!em.Moves(em.SymptomCases[s]) || em.Prior[s].Length < 2)
                {
                    continue;
                }

                var cases = bySymptom[s];
                for (var k = 0; k < em.Prior[s].Length; k++)
                {
                    if (!em.PriorHeld[s][k] && em.Prior[s][k] < em.PriorMean[s][k] && !Supported(em, cases, em.Prior[s], () => Revert(em.Prior[s], k, em.PriorMean[s][k]), options.Support))
                    {
                        em.PriorHeld[s][k] = true;
                        newly++;
                    }
                }
            }

            for (var p = 0; p < em.Fix.Length; p++)
            {
                if (em.Moves(em.FixCases[p]) && !em.FixHeld[p] && em.Fix[p] < em.FixMean[p] && byFix.TryGetValue(p, out var cases)
                    && !Supported(em, cases, [em.Fix[p]], () => em.Fix[p] = em.FixMean[p], options.Support, restore: saved => em.Fix[p] = saved[0]))
                {
                    em.FixHeld[p] = true;
                    newly++;
                }
            }

            for (var row = 0; row < em.Answer.Length && options.SupportAnswers; row++)
            {
                if (em.Moves(em.AnswerCases[row]) && !em.AnswerHeld[row] && byRow.TryGetValue(row, out var cases)
                    && !Supported(em, cases, em.Answer[row], () => Array.Copy(em.AnswerMean[row], em.Answer[row], em.Answer[row].Length), options.Support))
                {
                    em.AnswerHeld[row] = true;
                    newly++;
                }
            }

            if (newly == 0)
            {
                break;
            }

            held += newly;
            em.ResetHeld();
            em.Run();
        }

        return held;
    }

    /// <summary>Whether 2 · (log L(learned) − log L(this probability at the knowledge base's value)) ≥ threshold.
    /// The values are put back afterwards.</summary>
    private static bool Supported(ExpectationMaximization em, List<CompiledCase> cases, double[] values, Action revert, double threshold, Action<double[]>? restore = null)
    {
        var saved = (double[])values.Clone();
        var learned = cases.Sum(em.LogLikelihood);
        revert();
        var reverted = cases.Sum(em.LogLikelihood);
        if (restore is null)
        {
            Array.Copy(saved, values, values.Length);
        }
        else
        {
            restore(saved);
        }

        return 2 * (learned - reverted) >= threshold;
    }

    /// <summary>Entry k at the knowledge base's value, the others rescaled to share the rest.</summary>
    private static void Revert(double[] prior, int k, double value)
    {
        var rest = 1 - prior[k];
        for (var j = 0; j < prior.Length; j++)
        {
            prior[j] = j == k ? value : rest > 0 ? prior[j] / rest * (1 - value) : (1 - value) / (prior.Length - 1);
        }
    }

    private static void Add(Dictionary<int, List<CompiledCase>> index, int key, CompiledCase c)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(c);
    }
}
