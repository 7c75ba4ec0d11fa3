using Kiriwake.Core.Conversation;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>One case as a staff request sees it: the row, the conversation replayed (as the staff member answers),
/// what it asks now, whether the person's session still exists, and the consents recorded.</summary>
public sealed record CaseView(HelpdeskCase Case, DiagnosisConversation Conversation, ConversationPrompt Prompt, int SessionEventCount,
    IReadOnlyList<ConsentRecord> Consents)
{
    public bool Closed => Case.Status == CaseStatus.Closed;

    /// <summary>The session's event count when read (-1: the session has expired; the case's copy is used).</summary>
    public bool SessionAlive => SessionEventCount >= 0;
}
