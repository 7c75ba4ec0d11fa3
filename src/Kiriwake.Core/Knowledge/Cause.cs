namespace Kiriwake.Core.Knowledge;

/// <summary>A cause of a failure; the engine's belief is a distribution over these.</summary>
public sealed record Cause(
    string Id,
    CauseCategory Category,
    LocalizedText Title,
    LocalizedText Explanation,
    IReadOnlyList<LocalizedText> HowToTell);
