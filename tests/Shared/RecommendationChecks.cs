using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Tests;

/// <summary>Random states of a model (for checks of the shared recommendations) and a field-by-field comparison of
/// two recommendations.</summary>
internal static class RecommendationChecks
{
    /// <summary>The gate states a session can be in, from nothing known to every gate open.</summary>
    public static IReadOnlyList<GateState> Gates { get; } =
    [
        GateState.Initial,
        GateState.AllOpen,
        new(true, false, true, null),
        new(false, true, false, true),
        new(true, false, null, false),
    ];

    /// <summary><paramref name="count"/> states reached by random walks from the start: actions failed or skipped,
    /// questions answered, in random order, each under a random gate state (walks repeat, as people's routes do).</summary>
    public static IReadOnlyList<(DiagnosisState State, GateState Gates)> Walk(CompiledModel model, int seed, int count)
    {
        var rng = new Random(seed);
        var states = new List<(DiagnosisState, GateState)>();
        while (states.Count < count)
        {
            var gates = Gates[rng.Next(Gates.Count)];
            var state = model.Start();
            var length = rng.Next(0, model.ActionCount + model.QuestionCount + 1);
            states.Add((state, gates));
            for (var i = 0; i < length && states.Count < count; i++)
            {
                var open = Enumerable.Range(0, model.ActionCount).Where(a => !state.IsActionUsed(a)).Select(a => (Action: a, Question: -1))
                    .Concat(Enumerable.Range(0, model.QuestionCount).Where(q => !state.IsQuestionAnswered(q)).Select(q => (Action: -1, Question: q)))
                    .ToArray();
                if (open.Length == 0)
                {
                    break;
                }

                var (action, question) = open[rng.Next(open.Length)];
                var next = action >= 0
                    ? rng.Next(4) == 0 ? state.AfterSkip(action) : state.AfterFailure(action)
                    : state.AfterAnswer(question, rng.Next(model.AnswerIds[question].Count));
                if (next.Mass <= 1e-12)
                {
                    break;
                }

                state = next;
                states.Add((state, gates));
            }
        }

        return states;
    }

    public static SessionSnapshot Snapshot(DiagnosisState state, GateState gates) =>
        new(state, gates, new Dictionary<string, string>(), [], SessionOutcome.InProgress, null);

    /// <summary>Null when both say the same in every field; otherwise what differs.</summary>
    public static string? Difference(Recommendation? expected, Recommendation? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"expected {Show(expected)}, got {Show(actual)}";
        }

        var differences = new List<string>();
        Check(expected.Step == actual.Step, "step", expected.Step, actual.Step);
        Check(expected.Method == actual.Method, "method", expected.Method, actual.Method);
        Check(Near(expected.ExpectedCost, actual.ExpectedCost), "expected cost", expected.ExpectedCost, actual.ExpectedCost);
        Check(Near(expected.FixProbability, actual.FixProbability), "fix probability", expected.FixProbability, actual.FixProbability);
        Check(expected.Cost.Equals(actual.Cost) && expected.RepairCost.Equals(actual.RepairCost) && expected.Risk == actual.Risk, "cost/risk", expected, actual);
        Check(expected.TopCauses.Select(c => c.CauseId).SequenceEqual(actual.TopCauses.Select(c => c.CauseId))
            && expected.TopCauses.Zip(actual.TopCauses).All(p => Near(p.First.Probability, p.Second.Probability)), "top causes",
            string.Join(",", expected.TopCauses), string.Join(",", actual.TopCauses));
        Check(expected.RunnerUp?.Step == actual.RunnerUp?.Step
            && Near(expected.RunnerUp?.ExpectedCost ?? 0, actual.RunnerUp?.ExpectedCost ?? 0)
            && Near(expected.RunnerUp?.FixProbability ?? 0, actual.RunnerUp?.FixProbability ?? 0), "runner-up", expected.RunnerUp, actual.RunnerUp);
        Check(expected.Blocked.Select(b => b.ActionId + ":" + string.Join("+", b.MissingGates))
            .SequenceEqual(actual.Blocked.Select(b => b.ActionId + ":" + string.Join("+", b.MissingGates))), "blocked",
            string.Join(",", expected.Blocked.Select(b => b.ActionId)), string.Join(",", actual.Blocked.Select(b => b.ActionId)));
        return differences.Count == 0 ? null : string.Join("; ", differences);

        void Check(bool same, string what, object? e, object? a)
        {
            if (!same)
            {
                differences.Add($"{what}: expected {e}, got {a}");
            }
        }
    }

    private static bool Near(double a, double b) => a.Equals(b) || Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    private static string Show(Recommendation? r) => r is null ? "nothing" : r.Step.ToString();
}
