using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Learning;

/// <summary>
/// Lays a <see cref="LearnedOverlay"/> over a knowledge base: a new knowledge base whose priors, fix
/// probabilities and answer likelihoods are the learned ones where the overlay has them. Everything else —
/// texts, costs, risks, gates, which steps a symptom has — is the same record.
/// </summary>
public static class OverlayApplier
{
    /// <exception cref="ArgumentException">The overlay names a symptom, cause, action, question or answer the knowledge base lacks.</exception>
    public static KnowledgeBase Apply(KnowledgeBase kb, LearnedOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(overlay);
        var problems = Check(kb, overlay);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(overlay));
        }

        var priors = overlay.Priors.ToDictionary(p => p.SymptomId, StringComparer.Ordinal);
        var symptoms = kb.Content.Symptoms.Select(s => priors.TryGetValue(s.Id, out var learned) ? WithPrior(s, learned) : s).ToArray();

        var fixes = overlay.Fixes.GroupBy(f => f.ActionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(f => f.CauseId, f => f.P, StringComparer.Ordinal), StringComparer.Ordinal);
        var actions = kb.Content.Actions.Select(a => fixes.TryGetValue(a.Id, out var learned)
            ? a with { Fixes = a.Fixes.Select(f => learned.TryGetValue(f.CauseId, out var p) ? f with { P = p } : f).ToArray() }
            : a).ToArray();

        var answers = overlay.Answers.GroupBy(a => a.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var questions = kb.Content.Questions.Select(q => answers.TryGetValue(q.Id, out var learned) ? WithAnswers(q, learned) : q).ToArray();

        return new KnowledgeBase(kb.Content with { Symptoms = symptoms, Actions = actions, Questions = questions });
    }

    /// <summary>Every way the overlay does not fit the knowledge base (ids it names that are not there).</summary>
    public static IReadOnlyList<string> Check(KnowledgeBase kb, LearnedOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(overlay);
        var problems = new List<string>();
        foreach (var p in overlay.Priors)
        {
            if (!kb.Symptoms.TryGetValue(p.SymptomId, out var s))
            {
                problems.Add($"unknown symptom '{p.SymptomId}'");
                continue;
            }

            var known = s.Prior.Select(e => e.CauseId).ToHashSet(StringComparer.Ordinal);
            if (!known.SetEquals(p.Causes.Select(c => c.Id)))
            {
                problems.Add($"symptom '{p.SymptomId}': the learned prior must name exactly its causes ({string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
        }

        foreach (var f in overlay.Fixes)
        {
            if (!kb.Actions.TryGetValue(f.ActionId, out var a))
            {
                problems.Add($"unknown action '{f.ActionId}'");
            }
            else if (!a.Fixes.Any(x => x.CauseId == f.CauseId))
            {
                problems.Add($"action '{f.ActionId}' has no fix probability for cause '{f.CauseId}' to replace (what an action addresses is not learned)");
            }
        }

        foreach (var q in overlay.Answers)
        {
            if (!kb.Questions.TryGetValue(q.QuestionId, out var question))
            {
                problems.Add($"unknown question '{q.QuestionId}'");
                continue;
            }

            if (!kb.Causes.ContainsKey(q.CauseId))
            {
                problems.Add($"question '{q.QuestionId}': unknown cause '{q.CauseId}'");
            }

            var known = question.Answers.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            if (!known.SetEquals(q.Answers.Select(a => a.Id)))
            {
                problems.Add($"question '{q.QuestionId}', cause '{q.CauseId}': the learned answers must be exactly {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }
        }

        return problems;
    }

    private static Symptom WithPrior(Symptom s, LearnedPrior learned)
    {
        var sum = learned.Causes.Sum(c => c.P);
        var p = learned.Causes.ToDictionary(c => c.Id, c => c.P / sum, StringComparer.Ordinal);
        return s with { Prior = s.Prior.Select(e => e with { P = p[e.CauseId] }).ToArray() };
    }

    private static Question WithAnswers(Question q, LearnedAnswers[] learned)
    {
        // Each learned row is normalised here, so rounding in the overlay file never breaks "answers sum to 1".
        var rows = learned.ToDictionary(
            l => l.CauseId,
            l =>
            {
                var sum = l.Answers.Sum(a => a.P);
                return l.Answers.ToDictionary(a => a.Id, a => a.P / sum, StringComparer.Ordinal);
            },
            StringComparer.Ordinal);
        var answers = q.Answers.Select(a =>
        {
            var likelihood = new Dictionary<string, double>(a.Likelihood, StringComparer.Ordinal);
            foreach (var (cause, row) in rows)
            {
                likelihood[cause] = row[a.Id];
            }

            return a with { Likelihood = likelihood };
        }).ToArray();
        return q with { Answers = answers };
    }
}
