using Kiriwake.Core.Conversation;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Diagnosis;

/// <summary>One session as a request sees it: its row, the conversation replayed from its log, and what it asks now.</summary>
public sealed record WebSession(SessionRow Row, DiagnosisConversation Conversation, ConversationPrompt Prompt)
{
    public string Id => Row.Id;

    public bool Finished => Prompt is FinishPrompt;

    /// <summary>How long decoding the log, replaying it and deciding the next step took (shown as Server-Timing).</summary>
    public TimeSpan DecideTime { get; init; }
}
