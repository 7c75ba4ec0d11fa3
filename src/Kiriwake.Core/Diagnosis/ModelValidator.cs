using System.Globalization;

namespace Kiriwake.Core.Diagnosis;

/// <summary>A troubleshooting model that breaks the format's rules; the message lists every problem.</summary>
public sealed class TroubleshootingModelException : Exception
{
    public TroubleshootingModelException()
        : this([])
    {
    }

    public TroubleshootingModelException(string message)
        : this([message])
    {
    }

    public TroubleshootingModelException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public TroubleshootingModelException(IReadOnlyList<string> problems)
        : base("invalid troubleshooting model:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p))) =>
        Problems = problems;

    public IReadOnlyList<string> Problems { get; } = [];
}

/// <summary>Checks the rules of DESIGN.md's model format and reports every problem at once.</summary>
public static class ModelValidator
{
    /// <summary>Probabilities that must sum to 1 may be off by this much (authors write decimals).</summary>
    public const double SumTolerance = 1e-6;

    public const int MaxActions = 64;

    /// <summary>The compiled state packs each question's answer into 4 bits of a 64-bit key.</summary>
    public const int MaxQuestions = 16;

    public const int MaxAnswers = 15;

    /// <summary>
    /// The questions' answers may combine into at most this many outcomes (the product of their answer counts).
    /// Scoring a policy walks every outcome, and the exact solver's states grow with them: 12 two-answer
    /// questions make 4,096 and are scored in seconds within <see cref="ExactSolver.DefaultMemoryBytes"/>; 16
    /// questions of 15 answers (15^16) could never be, so such a model is refused here rather than run out of memory.
    /// </summary>
    public const long MaxAnswerOutcomes = 65_536;

    public static IReadOnlyList<string> Validate(TroubleshootingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<string>();
        var causeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in model.Causes)
        {
            if (!causeIds.Add(c.Id))
            {
                problems.Add($"cause '{c.Id}' is listed twice");
            }

            if (!(c.Prior >= 0 && c.Prior <= 1))
            {
                problems.Add($"cause '{c.Id}': prior {Num(c.Prior)} is not in [0, 1]");
            }
        }

        if (model.Causes.Count == 0)
        {
            problems.Add("the model has no causes");
        }
        else if (Math.Abs(model.Causes.Sum(c => c.Prior) - 1) > SumTolerance)
        {
            problems.Add($"the priors sum to {Num(model.Causes.Sum(c => c.Prior))}, not 1");
        }

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in model.Actions)
        {
            if (!stepIds.Add(a.Id))
            {
                problems.Add($"step id '{a.Id}' is used twice");
            }

            CheckCost(problems, $"action '{a.Id}'", a.Cost);
            CheckCost(problems, $"action '{a.Id}' repairCost", a.RepairCost);
            foreach (var (cause, p) in a.Fixes)
            {
                if (!causeIds.Contains(cause))
                {
                    problems.Add($"action '{a.Id}' fixes unknown cause '{cause}'");
                }

                if (!(p >= 0 && p <= 1))
                {
                    problems.Add($"action '{a.Id}': P(fix | {cause}) = {Num(p)} is not in [0, 1]");
                }
            }
        }

        foreach (var q in model.Questions)
        {
            if (!stepIds.Add(q.Id))
            {
                problems.Add($"step id '{q.Id}' is used twice");
            }

            CheckCost(problems, $"question '{q.Id}'", q.Cost);
            CheckQuestion(problems, q, causeIds, model.Causes);
        }

        if (model.Escalation is { } e)
        {
            if (!stepIds.Add(e.Id))
            {
                problems.Add($"step id '{e.Id}' is used twice");
            }

            CheckCost(problems, $"escalation '{e.Id}'", e.Cost);
        }

        if (model.Actions.Count > MaxActions)
        {
            problems.Add($"the model has {model.Actions.Count} actions; at most {MaxActions} are supported");
        }

        if (model.Questions.Count > MaxQuestions)
        {
            problems.Add($"the model has {model.Questions.Count} questions; at most {MaxQuestions} are supported");
        }

        double outcomes = model.Questions.Aggregate(1.0, (product, q) => product * Math.Max(1, q.Answers.Count));
        if (outcomes > MaxAnswerOutcomes)
        {
            problems.Add($"the questions' answers combine into {Num(outcomes)} outcomes; at most {MaxAnswerOutcomes} can be evaluated (ask fewer questions, or merge answers)");
        }

        foreach (var id in model.AuthoredOrder ?? [])
        {
            if (!stepIds.Contains(id))
            {
                problems.Add($"authoredOrder names unknown step '{id}'");
            }
        }

        return problems;
    }

    public static void ThrowIfInvalid(TroubleshootingModel model)
    {
        var problems = Validate(model);
        if (problems.Count > 0)
        {
            throw new TroubleshootingModelException(problems);
        }
    }

    private static void CheckQuestion(List<string> problems, ModelQuestion q, HashSet<string> causeIds, IReadOnlyList<ModelCause> causes)
    {
        if (q.Answers.Count < 2)
        {
            problems.Add($"question '{q.Id}' needs at least two answers");
        }

        if (q.Answers.Count > MaxAnswers)
        {
            problems.Add($"question '{q.Id}' has {q.Answers.Count} answers; at most {MaxAnswers} are supported");
        }

        var answerIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ans in q.Answers)
        {
            if (!answerIds.Add(ans.Id))
            {
                problems.Add($"question '{q.Id}': answer '{ans.Id}' is listed twice");
            }

            foreach (var (cause, p) in ans.Likelihood)
            {
                if (!causeIds.Contains(cause))
                {
                    problems.Add($"question '{q.Id}' answer '{ans.Id}' names unknown cause '{cause}'");
                }

                if (!(p >= 0 && p <= 1))
                {
                    problems.Add($"question '{q.Id}' answer '{ans.Id}': P = {Num(p)} for '{cause}' is not in [0, 1]");
                }
            }
        }

        foreach (var c in causes)
        {
            var sum = q.Answers.Sum(a => a.P(c.Id));
            if (Math.Abs(sum - 1) > SumTolerance)
            {
                problems.Add($"question '{q.Id}': the answers' probabilities for cause '{c.Id}' sum to {Num(sum)}, not 1");
            }
        }

        foreach (var (value, answer) in q.FactAnswers ?? new Dictionary<string, string>())
        {
            if (!answerIds.Contains(answer))
            {
                problems.Add($"question '{q.Id}': fact value '{value}' maps to unknown answer '{answer}'");
            }
        }
    }

    private static void CheckCost(List<string> problems, string what, double cost)
    {
        if (!(cost >= 0) || double.IsInfinity(cost))
        {
            problems.Add($"{what}: cost {Num(cost)} must be a finite number ≥ 0");
        }
    }

    private static string Num(double x) => x.ToString("G10", CultureInfo.InvariantCulture);
}
