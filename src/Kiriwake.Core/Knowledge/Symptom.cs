namespace Kiriwake.Core.Knowledge;

/// <summary>What the person sees, with the messages that identify it and the prior over causes.</summary>
public sealed record Symptom(
    string Id,
    SymptomChannel Channel,
    LocalizedText Title,
    LocalizedText Description,
    IReadOnlyList<LocalizedText> Messages,
    IReadOnlyList<PriorEntry> Prior,
    IReadOnlyList<string> ActionIds,
    IReadOnlyList<string> QuestionIds,
    IReadOnlyList<string> EscalationIds,
    IReadOnlyList<string>? AuthoredOrder);

/// <summary>P(cause | symptom), with the words of the document it came from.</summary>
public sealed record PriorEntry(string CauseId, double P, Citation Citation);

/// <summary>Which kind of operation failed.</summary>
public enum SymptomChannel
{
    Icloud,
    Computer,
    Restore,
    App,
    General,
}
