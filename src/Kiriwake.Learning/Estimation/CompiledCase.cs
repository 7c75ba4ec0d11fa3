namespace Kiriwake.Learning.Estimation;

/// <summary>
/// A closed case as factors of its likelihood: for each action tried, whether it fixed the fault and, per cause of
/// the symptom, which P(fix | cause) it observed (−1: the action cannot fix that cause); for each answer, which
/// row P(· | cause) per cause and which answer. Skipped steps and escalations say nothing about the cause.
/// </summary>
/// <param name="Confirmed">The index (among the symptom's causes) of the cause a technician confirmed, or −1.</param>
/// <param name="Count">How many closed cases are exactly this one (identical cases are learned from once, times their count).</param>
internal sealed record CompiledCase(int Symptom, int Confirmed, ActionObservation[] Actions, AnswerObservation[] Answers, int Count = 1);

internal readonly record struct ActionObservation(int[] FixParameter, bool Fixed);

internal readonly record struct AnswerObservation(int[] Row, int Answer);
