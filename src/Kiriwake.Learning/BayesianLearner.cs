using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Learning.Estimation;

namespace Kiriwake.Learning;

/// <summary>
/// Learns the knowledge base's probabilities from closed cases (docs/learning.md): Dirichlet priors per symptom,
/// Beta P(fix | cause) per action, Dirichlet P(answer | cause) per question, each centred on the knowledge base's
/// value with a strength in pseudo-counts; EM over the engine's likelihood of each transcript when the cause is not
/// known finds the posterior's mode, and a Gibbs sampler started there its mean, which the overlay holds. The result
/// does not depend on the order of the cases: they are put in a canonical order first.
/// </summary>
public static class BayesianLearner
{
    /// <summary>Decimal places of the probabilities written to the overlay.</summary>
    public const int Decimals = 6;

    /// <remarks>A probability that does not move (too few cases, or the cases agree with the knowledge base) is not
    /// written: the overlay lists what changes.</remarks>
    /// <exception cref="CaseFormatException">A case does not fit the knowledge base (unknown symptom, step, answer or cause).</exception>
    public static LearningResult Learn(KnowledgeBase kb, IEnumerable<ClosedCase> cases, LearningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(cases);
        var all = cases.ToArray();
        var (overlay, symptomCases) = Estimate(kb, all, options);
        var learned = OverlayApplier.Apply(kb, overlay);
        var notFixed = all.Where(c => c.Outcome is "escalated" or "unresolved").ToArray();
        overlay = overlay with
        {
            FirstStepChanges = FirstSteps.Changes(kb, learned),
            Summary = overlay.Summary with { NotFixed = notFixed.Length, NotFixedConfirmed = notFixed.Count(c => c.ConfirmedCause is not null) },
        };
        var symptoms = symptomCases.Select(sc =>
        {
            var moved = overlay.Priors.Any(p => p.SymptomId == sc.Key);
            return new SymptomLearning(sc.Key, sc.Value, moved, Sorted(kb.Symptoms[sc.Key].Prior), moved ? Sorted(learned.Symptoms[sc.Key].Prior, Decimals) : Sorted(kb.Symptoms[sc.Key].Prior));
        }).ToArray();
        return new LearningResult(overlay, learned, symptoms, all.Count(c => !c.IsClosed), overlay.Summary.NotFixed, overlay.Summary.NotFixedConfirmed);
    }

    /// <summary>The overlay alone (without the first-step comparison, which plans every symptom twice), and the
    /// number of closed cases per symptom, sorted by symptom id.</summary>
    /// <exception cref="CaseFormatException">A case does not fit the knowledge base (unknown symptom, step, answer or cause).</exception>
    public static (LearnedOverlay Overlay, SortedDictionary<string, int> SymptomCases) Estimate(KnowledgeBase kb, IReadOnlyList<ClosedCase> cases, LearningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(cases);
        options ??= LearningOptions.Default;
        var problems = new List<string>();
        foreach (var c in cases.Where(c => !kb.Symptoms.ContainsKey(c.SymptomId)))
        {
            problems.Add($"{c.Where}: unknown symptom '{c.SymptomId}'");
        }

        if (problems.Count > 0)
        {
            throw new CaseFormatException(problems);
        }

        var closed = cases.Where(c => c.IsClosed).OrderBy(CanonicalKey, StringComparer.Ordinal).ToArray();
        var space = new ParameterSpace(kb, closed.Select(c => c.SymptomId));
        var compiled = CaseCompiler.Compile(space, closed, problems);
        if (problems.Count > 0)
        {
            throw new CaseFormatException(problems);
        }

        // The cases are sorted by their text: identical ones are neighbours and are learned from once, times their count.
        var keys = closed.Select(CanonicalKey).ToArray();
        var grouped = new List<CompiledCase>();
        for (var i = 0; i < compiled.Count; i++)
        {
            if (i > 0 && keys[i] == keys[i - 1])
            {
                grouped[^1] = grouped[^1] with { Count = grouped[^1].Count + 1 };
            }
            else
            {
                grouped.Add(compiled[i]);
            }
        }

        var em = new ExpectationMaximization(space, grouped, options);
        em.Run();
        if (options.PosteriorSweeps > 0)
        {
            // Seeded by the cases themselves: the same cases give the same estimate.
            new PosteriorSampler(em, grouped, options, new Random(Seed(keys))).AverageInto(options.BurnInSweeps, options.PosteriorSweeps);
        }

        var overlay = BuildOverlay(space, em, options, closed.Length, closed.Count(c => c.ConfirmedCause is not null));
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < space.Symptoms.Count; s++)
        {
            counts[space.Symptoms[s]] = em.SymptomCases[s];
        }

        return (overlay, counts);
    }

    private static LearnedOverlay BuildOverlay(ParameterSpace space, ExpectationMaximization em, LearningOptions options, int cases, int confirmed)
    {
        var priors = new List<LearnedPrior>();
        for (var s = 0; s < space.Symptoms.Count; s++)
        {
            if (em.Moves(em.SymptomCases[s]) && space.SymptomCauses[s].Length > 1)
            {
                var values = space.SymptomCauses[s].Select((k, i) => new LearnedValue(k, Round(em.Prior[s][i]), space.PriorKb[s][i])).ToArray();
                priors.Add(new LearnedPrior(space.Symptoms[s], em.SymptomCases[s], values));
            }
        }

        var fixes = new List<LearnedFix>();
        for (var p = 0; p < space.FixKeys.Count; p++)
        {
            if (em.Moves(em.FixCases[p]) && Round(em.Fix[p]) != Round(em.FixMean[p]))
            {
                var (action, cause) = space.FixKeys[p];
                fixes.Add(new LearnedFix(action, cause, Round(em.Fix[p]), space.FixKb[p], em.FixCases[p], Math.Round(em.FixWeight[p], 3)));
            }
        }

        var answers = new List<LearnedAnswers>();
        for (var row = 0; row < space.AnswerKeys.Count; row++)
        {
            if (em.Moves(em.AnswerCases[row]) && !em.Answer[row].Select(Round).SequenceEqual(em.AnswerMean[row].Select(Round)))
            {
                var (question, cause) = space.AnswerKeys[row];
                var values = space.AnswerIds[row].Select((a, j) => new LearnedValue(a, Round(em.Answer[row][j]), space.AnswerKb[row][j])).ToArray();
                answers.Add(new LearnedAnswers(question, cause, em.AnswerCases[row], Math.Round(em.AnswerWeight[row], 3), values));
            }
        }

        var summary = new OverlaySummary(cases, confirmed, options.PriorStrength, options.FixStrength, options.AnswerStrength, options.MinCases, em.Iterations, Sweeps: options.PosteriorSweeps);
        return new LearnedOverlay(
            summary,
            priors.OrderBy(p => p.SymptomId, StringComparer.Ordinal).ToArray(),
            fixes.OrderBy(f => f.ActionId, StringComparer.Ordinal).ThenBy(f => f.CauseId, StringComparer.Ordinal).ToArray(),
            answers.OrderBy(a => a.QuestionId, StringComparer.Ordinal).ThenBy(a => a.CauseId, StringComparer.Ordinal).ToArray(),
            []);
    }

    private static int Seed(string[] keys)
    {
        // FNV-1a over the canonical cases: stable across processes (string.GetHashCode is not).
        var h = 2166136261u;
        foreach (var key in keys)
        {
            foreach (var ch in key)
            {
                h = (h ^ ch) * 16777619u;
            }

            h = (h ^ 4) * 16777619u;
        }

        return (int)(h & 0x7fffffff);
    }

    private static double Round(double p) => Math.Round(p, Decimals);

    private static SortedDictionary<string, double> Sorted(IEnumerable<PriorEntry> prior, int decimals = 15) =>
        new(prior.ToDictionary(p => p.CauseId, p => Math.Round(p.P, decimals), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The case itself as text (not where it was read), so the same cases in any order or file learn the same.</summary>
    private static string CanonicalKey(ClosedCase c) =>
        c.SymptomId + "\u0001" + (c.ConfirmedCause ?? "") + "\u0001" + string.Join("\u0002", c.Steps.Select(s => s.StepId + "\u0003" + s.Answer));
}
