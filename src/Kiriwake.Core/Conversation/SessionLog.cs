using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Conversation;

/// <summary>A saved session: the symptom, the knowledge base's version it was made with, the platform and model
/// family for reading (the facts in the events are what counts), and the event log.</summary>
public sealed record SessionLog(string Symptom, string? KnowledgeVersion, string? Platform, string? Family, IReadOnlyList<SessionEvent> Events);
