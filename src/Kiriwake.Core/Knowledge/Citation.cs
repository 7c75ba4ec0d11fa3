namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Where a number came from: a word of the probability-word table (knowledge/words.yaml) and the
/// sentence of a seed document that uses it. <see cref="Quote"/> is absent where the documents are silent
/// and the word is an explicit assumption.
/// </summary>
public sealed record Citation(string Word, string? Quote);
