namespace Kiriwake.Core.Knowledge;

/// <summary>One row of the documented word → number table: the word's usual value and the band a cited number must lie in.</summary>
public sealed record ProbabilityWord(string Id, LocalizedText Word, double Value, double Min, double Max, LocalizedText Meaning);
