namespace Kiriwake.Core.Knowledge;

/// <summary>An ordered list from the documents: the 10-minute check, restore preparation, role lists and so on.</summary>
public sealed record Checklist(string Id, LocalizedText Title, LocalizedText Purpose, IReadOnlyList<ChecklistItem> Items);

/// <summary>One item; it may point at the action, question or checklist that carries it out.</summary>
public sealed record ChecklistItem(string Id, LocalizedText Text, LocalizedText? Detail, string? Ref);
