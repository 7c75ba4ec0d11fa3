using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Conversation;

/// <summary>
/// One step as a person reads it, in their language: what to do on their platform and model, why, how long it
/// takes and what it risks in plain words, and the answers it accepts. No ids or engine figures are meant to be
/// shown from it except <see cref="StepId"/>, which front ends use to post answers and technicians read.
/// </summary>
/// <param name="Number">The step's number in the session (1 for the first step the person answers).</param>
/// <param name="Minutes">About how long the step takes (the knowledge base's time), null for an escalation.</param>
/// <param name="Risk">The risk to data in plain words, for actions; null for questions.</param>
/// <param name="HeldBack">Steps not proposed until a condition holds, in plain words ("DFU restore: needs a verified backup").</param>
/// <param name="Ask">The question the choices answer when the title is not one ("Did that fix it?" after an action).</param>
public sealed record StepView(
    string StepId,
    StepKind Kind,
    int Number,
    string Title,
    string? Why,
    double? Minutes,
    string? Risk,
    IReadOnlyList<InstructionBlock> Instructions,
    IReadOnlyList<string> Prepare,
    IReadOnlyList<string> HeldBack,
    IReadOnlyList<AnswerChoice> Choices,
    string? Ask = null)
{
    /// <summary>The knowledge base's notes for this step (cautions, security and privacy rules of the documents),
    /// in the files' order; shown with the step under <see cref="ConversationText.StepNotesHeading"/>.</summary>
    public IReadOnlyList<StepNote> Notes { get; init; } = [];
}

/// <summary>A note of the documents shown with a step: a short title and its text, in the person's language.</summary>
public sealed record StepNote(string Title, string Text);

/// <summary>Numbered steps under an optional heading (a platform or a model family, shown only when the person's
/// is unknown), with warnings.</summary>
public sealed record InstructionBlock(string? Heading, IReadOnlyList<string> Steps, IReadOnlyList<string> Warnings);

/// <summary>What a technician reads beside a step (CLI --verbose, JSON): ids, probabilities, expected costs.</summary>
public sealed record TechnicianView(
    string StepId,
    StepKind Kind,
    DecisionMethod Method,
    double ExpectedCost,
    double FixProbability,
    double Cost,
    IReadOnlyList<TechnicianCause> TopCauses,
    TechnicianAlternative? RunnerUp,
    IReadOnlyList<HeldBackStep> Blocked);

public sealed record TechnicianCause(string Id, string Title, double Probability);

public sealed record TechnicianAlternative(string StepId, string Title, double ExpectedCost);
