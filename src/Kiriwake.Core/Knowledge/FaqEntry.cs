namespace Kiriwake.Core.Knowledge;

public sealed record FaqEntry(string Id, string Document, LocalizedText Question, LocalizedText Answer, IReadOnlyList<string> Related);
