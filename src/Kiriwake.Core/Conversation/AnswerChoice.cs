namespace Kiriwake.Core.Conversation;

/// <summary>One answer a prompt accepts: the value the log records (an id, for scripts and the JSON API) and the
/// label a person reads, in their language. A person answers with its number, its label or, for yes/no answers,
/// はい/いいえ/yes/no.</summary>
public sealed record AnswerChoice(string Value, string Label);
