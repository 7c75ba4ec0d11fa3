namespace Kiriwake.Core.Knowledge;

/// <summary>What a pasted code or message means: the codes and symptoms it matches, or the class a number range suggests.</summary>
public sealed record Explanation(
    string Query,
    IReadOnlyList<CodeMatch> Codes,
    IReadOnlyList<SymptomMatch> Symptoms,
    IReadOnlyList<UnknownCode> UnknownCodes)
{
    public bool Found => Codes.Count > 0 || Symptoms.Count > 0;
}

/// <summary>A known error code, its likely causes in order and the first steps.</summary>
public sealed record CodeMatch(ErrorCode Code, IReadOnlyList<RankedCause> Causes, IReadOnlyList<string> FirstSteps);

/// <summary>A symptom the text points to; <paramref name="Score"/> is the matcher's confidence (0–1), <paramref name="Message"/> the wording found, if any.</summary>
public sealed record SymptomMatch(Symptom Symptom, LocalizedText? Message, double Score, IReadOnlyList<RankedCause> Causes, IReadOnlyList<string> FirstSteps);

/// <summary>A cause with its probability under the symptom's prior, when one is known.</summary>
public sealed record RankedCause(Cause Cause, double? P);

/// <summary>A number the table does not list, with the ranges it falls into.</summary>
public sealed record UnknownCode(int Code, IReadOnlyList<ErrorCodeRange> Ranges);
