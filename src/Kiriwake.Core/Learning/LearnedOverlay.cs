namespace Kiriwake.Core.Learning;

/// <summary>
/// Probabilities learned from closed cases, laid over the knowledge base (docs/learning.md). It holds only
/// probabilities — a symptom's prior, P(fix | cause) of an action, P(answer | cause) of a question — each with
/// the number of cases behind it and the knowledge base's value it replaces. Gates, risks and costs have no
/// place in it, so they cannot be learned.
/// </summary>
public sealed record LearnedOverlay(
    OverlaySummary Summary,
    IReadOnlyList<LearnedPrior> Priors,
    IReadOnlyList<LearnedFix> Fixes,
    IReadOnlyList<LearnedAnswers> Answers,
    IReadOnlyList<FirstStepChange> FirstStepChanges);

/// <summary>How the overlay was made.</summary>
/// <param name="Cases">Closed cases read.</param>
/// <param name="ConfirmedCases">Of those, cases whose cause a technician confirmed.</param>
/// <param name="PriorStrength">Pseudo-counts behind the knowledge base's prior of a symptom.</param>
/// <param name="FixStrength">Pseudo-counts behind the knowledge base's P(fix | cause) of an action.</param>
/// <param name="AnswerStrength">Pseudo-counts behind the knowledge base's P(answer | cause) of a question.</param>
/// <param name="MinCases">A probability moves only when at least this many cases observed it.</param>
/// <param name="NotFixed">Closed cases the person did not fix (escalated or unresolved): the ones a technician sees.</param>
/// <param name="NotFixedConfirmed">Of those, the cases whose cause a technician confirmed (docs/learning.md: what makes
/// learning reliable).</param>
/// <param name="Sweeps">Sweeps of the posterior sampler averaged into the estimate (0: the EM's posterior mode).</param>
public sealed record OverlaySummary(
    int Cases,
    int ConfirmedCases,
    double PriorStrength,
    double FixStrength,
    double AnswerStrength,
    int MinCases,
    int Iterations,
    int NotFixed = 0,
    int NotFixedConfirmed = 0,
    int Sweeps = 0)
{
    /// <summary>Fewer than half of the cases not fixed have a confirmed cause: worth asking technicians to record it
    /// (the learning-curve harness: confirming half of them halves the mean gap to the optimum).</summary>
    public bool ConfirmationAdvised => NotFixedConfirmed * 2 < NotFixed;

    public const string FormatName = "kiriwake-learned/1";
}

/// <summary>A probability with the knowledge base's value it replaces.</summary>
public sealed record LearnedValue(string Id, double P, double Was);

/// <summary>A symptom's prior over its causes.</summary>
/// <param name="Cases">Closed cases of this symptom.</param>
public sealed record LearnedPrior(string SymptomId, int Cases, IReadOnlyList<LearnedValue> Causes);

/// <summary>P(the action fixes the fault | cause).</summary>
/// <param name="Cases">Closed cases in which the action was tried on a symptom that has this cause.</param>
/// <param name="Weight">The expected number of those cases whose cause was this one (fractional when unknown).</param>
public sealed record LearnedFix(string ActionId, string CauseId, double P, double Was, int Cases, double Weight);

/// <summary>P(answer | cause) of a question, for one cause: one value per answer.</summary>
public sealed record LearnedAnswers(string QuestionId, string CauseId, int Cases, double Weight, IReadOnlyList<LearnedValue> Answers);

/// <summary>A symptom whose first step (with no fact known) is not the same with the overlay.</summary>
public sealed record FirstStepChange(string SymptomId, string? Before, string? After);
