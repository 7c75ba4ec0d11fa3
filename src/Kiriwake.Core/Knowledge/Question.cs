namespace Kiriwake.Core.Knowledge;

/// <summary>A question or observation whose answer shifts the belief over causes.</summary>
/// <param name="Fact">The evidence fact that answers it without asking, if any.</param>
public sealed record Question(
    string Id,
    LocalizedText Text,
    LocalizedText Why,
    double CostMinutes,
    IReadOnlyList<Answer> Answers,
    FactBinding? Fact)
{
    /// <summary>The button procedure the question asks the person to carry out ("Did the device enter DFU mode?"),
    /// whose model-family steps are shown with it; null when it needs none.</summary>
    public ProcedureKind? Procedure { get; init; }
}

/// <summary>One answer with P(answer | cause); causes not listed take <see cref="Otherwise"/>.</summary>
public sealed record Answer(string Id, LocalizedText Text, IReadOnlyDictionary<string, double> Likelihood, double Otherwise)
{
    /// <summary>Actions this answer rules out (the person already did them, or they cannot apply): never proposed after it.</summary>
    public IReadOnlyList<string> RulesOut { get; init; } = [];

    /// <summary>Gates this answer opens (e.g. "it is my own device" opens owner-consent).</summary>
    public IReadOnlyList<Gate> Opens { get; init; } = [];

    public double P(string causeId) => Likelihood.TryGetValue(causeId, out var p) ? p : Otherwise;
}

/// <summary>Which fact answers a question: fact value → answer id.</summary>
public sealed record FactBinding(string Key, IReadOnlyDictionary<string, string> Answers);
