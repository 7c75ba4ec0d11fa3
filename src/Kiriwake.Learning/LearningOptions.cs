namespace Kiriwake.Learning;

/// <summary>
/// How strongly the knowledge base's values hold against the cases (pseudo-counts: the knowledge base counts as
/// that many cases), how many cases a probability needs before it moves, and the safety bounds (docs/learning.md).
/// The defaults were chosen by the learning-curve harness (bench/results/learning-curve.md): the documents' priors and
/// fix probabilities are rough words ("often", "rare"), so they hold like 5 cases; a question's answer rows hold like 50,
/// because without confirmed causes a question's rows and the prior explain the same answers (a latent-class model)
/// and letting both move freely trades one error for another.
/// </summary>
/// <param name="PriorStrength">A symptom's prior counts as this many cases (Dirichlet α = strength × prior + 1).</param>
/// <param name="FixStrength">An action's P(fix | cause) counts as this many tries of the action on that cause (Beta).</param>
/// <param name="AnswerStrength">A question's P(answer | cause) counts as this many answers given under that cause (Dirichlet).</param>
/// <param name="MinCases">A probability moves only when at least this many closed cases observed it.</param>
/// <param name="Floor">No learned probability goes below this (nor above 1 − Floor).</param>
/// <param name="PosteriorSweeps">The estimate is the posterior mean, averaged over this many sweeps of a Gibbs sampler
/// started at the EM's estimate (the posterior mode) after <paramref name="BurnInSweeps"/> sweeps; 0: the mode itself.
/// The mean was chosen by the learning-curve harness over twenty seeds: where the cases cannot tell two explanations
/// apart, the mode lies wherever the noise put it along them and the mean in their middle (docs/learning.md).</param>
public sealed record LearningOptions(
    double PriorStrength = 5,
    double FixStrength = 5,
    double AnswerStrength = 50,
    int MinCases = 20,
    double Floor = 0.01,
    int MaxIterations = 2000,
    double Tolerance = 1e-10,
    int PosteriorSweeps = 200,
    int BurnInSweeps = 100)
{
    public static LearningOptions Default { get; } = new();

    public double Ceiling => 1 - Floor;
}
