using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>
/// An independent optimum for tiny models: plain recursion over every adaptive policy, with normalised beliefs
/// and no memo, sharing nothing with the engine but the model records.
/// </summary>
internal static class BruteForce
{
    public static double Optimum(TroubleshootingModel model)
    {
        var belief = model.Causes.Select(c => c.Prior).ToArray();
        return Solve(model, belief, [], []);
    }

    private static double Solve(TroubleshootingModel m, double[] b, HashSet<string> usedActions, HashSet<string> usedQuestions)
    {
        var options = new List<double>();
        var causes = m.Causes.Select(c => c.Id).ToArray();
        foreach (var a in m.Actions.Where(a => !usedActions.Contains(a.Id)))
        {
            var pFix = causes.Select((c, k) => b[k] * a.FixProbability(c)).Sum();
            if (pFix <= 1e-14)
            {
                continue;
            }

            var cost = a.Cost + (a.RepairCost * pFix);
            if (1 - pFix > 1e-14)
            {
                var post = causes.Select((c, k) => b[k] * (1 - a.FixProbability(c)) / (1 - pFix)).ToArray();
                cost += (1 - pFix) * Solve(m, post, [.. usedActions, a.Id], usedQuestions);
            }

            options.Add(cost);
        }

        if (options.Count > 0)
        {
            foreach (var q in m.Questions.Where(q => !usedQuestions.Contains(q.Id)))
            {
                var cost = q.Cost;
                foreach (var ans in q.Answers)
                {
                    var p = causes.Select((c, k) => b[k] * ans.P(c)).Sum();
                    if (p > 1e-14)
                    {
                        var post = causes.Select((c, k) => b[k] * ans.P(c) / p).ToArray();
                        cost += p * Solve(m, post, usedActions, [.. usedQuestions, q.Id]);
                    }
                }

                options.Add(cost);
            }
        }

        if (m.Escalation is { } e)
        {
            options.Add(e.Cost);
        }

        return options.Count == 0 ? 0 : options.Min();
    }
}
