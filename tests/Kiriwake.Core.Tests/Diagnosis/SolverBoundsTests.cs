using System.Globalization;
using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>Issue 14, item 8: the exact solver is bounded by memory, and the validator refuses what cannot be scored.</summary>
public sealed class SolverBoundsTests
{
    /// <summary>The shapes of the issue: every action fixes one cause imperfectly, every question is informative.</summary>
    private static TroubleshootingModel Big(int causes, int actions, int questions, int answers)
    {
        string C(int k) => "c" + k.ToString(CultureInfo.InvariantCulture);
        var causeList = Enumerable.Range(0, causes).Select(k => new ModelCause(C(k), 1.0 / causes)).ToArray();
        var actionList = Enumerable.Range(0, actions)
            .Select(a => Fixtures.Action("a" + a.ToString(CultureInfo.InvariantCulture), 1 + (a % 7), (C(a % causes), 0.9)))
            .ToArray();
        var questionList = Enumerable.Range(0, questions).Select(q => new ModelQuestion(
            "q" + q.ToString(CultureInfo.InvariantCulture),
            1,
            Enumerable.Range(0, answers).Select(j => new ModelAnswer(
                "v" + j.ToString(CultureInfo.InvariantCulture),
                Enumerable.Range(0, causes).ToDictionary(C, k => (k + q) % answers == j ? 0.7 : 0.3 / (answers - 1), StringComparer.Ordinal))).ToArray()))
            .ToArray();
        return new TroubleshootingModel("big", causeList, actionList, questionList, new ModelEscalation("escalate", 100), null);
    }

    [Fact]
    public void TrySolve_MemoryBoundReached_GivesUpAndSaysWhy()
    {
        var model = new CompiledModel(Big(12, 12, 12, 2));
        // 100 states of memory, budget far larger: the memory bound is what stops it.
        var solver = new ExactSolver(model, GateState.AllOpen, memoryBytes: 100 * ExactSolver.BytesPerState);

        var solved = solver.TrySolve(model.Start(), nodeBudget: 10_000_000, out _);

        Assert.False(solved);
        Assert.True(solver.MemoryExhausted);
        Assert.True(solver.Expanded <= 100);
    }

    [Fact]
    public void TrySolve_SmallModelWithinBound_SolvesAndIsNotMemoryBound()
    {
        var model = new CompiledModel(Fixtures.T4());
        var solver = new ExactSolver(model, GateState.AllOpen);

        Assert.True(solver.TrySolve(model.Start(), 100_000, out _));
        Assert.False(solver.MemoryExhausted);
    }

    [Fact]
    public void Validate_SixteenQuestionsOfFifteenAnswers_IsRefusedAsTooManyOutcomes()
    {
        var problems = ModelValidator.Validate(Big(16, 16, 16, 15));

        Assert.Contains(problems, p => p.Contains("outcomes", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwelveTwoAnswerQuestions_IsAccepted()
    {
        var problems = ModelValidator.Validate(Big(12, 12, 12, 2));

        Assert.DoesNotContain(problems, p => p.Contains("outcomes", StringComparison.Ordinal));
    }
}
