using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>What the conversation asks next: a step, a gate question, the platform or the device's model, or the
/// finish. Every prompt but the finish takes one answer through <see cref="DiagnosisConversation.Answer"/>.</summary>
/// <param name="Id">The prompt's id: the step id, the gate's name, "platform" or "device" (scripts answer by it).</param>
public abstract record ConversationPrompt(string Id, IReadOnlyList<AnswerChoice> Choices);

/// <summary>A step to carry out or a question to answer.</summary>
public sealed record StepPrompt(StepView View, TechnicianView Technician) : ConversationPrompt(View.StepId, View.Choices);

/// <summary>Before the session ends or hands over: a step held back by a gate the person can open could still fix it.</summary>
/// <param name="HeldBack">The held-back steps' titles.</param>
public sealed record GatePrompt(Gate Gate, string Question, IReadOnlyList<string> HeldBack, IReadOnlyList<AnswerChoice> Choices)
    : ConversationPrompt(KebabNames.Of(Gate), Choices);

/// <summary>Which computer and app: asked when the next step's text differs by platform and more than one is possible.</summary>
public sealed record PlatformPrompt(string Question, IReadOnlyList<AnswerChoice> Choices) : ConversationPrompt(PlatformPrompt.PromptId, Choices)
{
    public const string PromptId = "platform";
}

/// <summary>Which model: asked once, when the next step needs buttons. Takes a number, a family's value, or a
/// model name or ProductType (through <see cref="ModelResolver"/>).</summary>
public sealed record DevicePrompt(string Question, IReadOnlyList<AnswerChoice> Choices) : ConversationPrompt(DevicePrompt.PromptId, Choices)
{
    public const string PromptId = "device";
}

/// <summary>The session is over: fixed, handed over (with the escalation's step view), or nothing useful is left.</summary>
public sealed record FinishPrompt(SessionOutcome Outcome, StepView? Escalation) : ConversationPrompt("finish", []);

/// <summary>The result of an answer: accepted, or not, with a message for the person.</summary>
/// <param name="Message">Why it was not accepted, or a note on what was understood (e.g. the model found).</param>
public sealed record AnswerResult(bool Accepted, string? Message, string? Value)
{
    public static AnswerResult Rejected(string message) => new(false, message, null);
}

/// <summary>What the conversation knows of the person's setup: the platform (or the platforms still possible) and the model family.</summary>
public sealed record ConversationContext(Platform? Platform, IReadOnlyList<Platform> PlatformCandidates, ButtonFamily? Family);
