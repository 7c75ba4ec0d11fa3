using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>The gate questions before handing over, when the restore needs both a verified backup and the owner's consent.</summary>
public sealed class GatePromptTests
{
    private static KnowledgeModels BothGates()
    {
        var content = ConversationKnowledge.Build().Content;
        var actions = content.Actions.Select(a => a.Id == "dfu-restore" ? a with { Gates = [Gate.BackupVerified, Gate.OwnerConsent] } : a).ToArray();
        return new KnowledgeModels(new KnowledgeBase(content with { Actions = actions }));
    }

    [Fact]
    public void Next_BackupDeclined_DoesNotAskTheOwnersConsentToThatErase()
    {
        var conversation = ConversationKnowledge.Start(Language.En, models: BothGates());

        var backup = Assert.IsType<GatePrompt>(ConversationKnowledge.AnswerUntil<GatePrompt>(conversation));
        Assert.True(conversation.Answer("3").Accepted);

        Assert.Equal(Gate.BackupVerified, backup.Gate);
        Assert.IsType<FinishPrompt>(conversation.Next());
    }

    [Fact]
    public void Next_DataLossAccepted_AsksTheOwnersConsent()
    {
        var conversation = ConversationKnowledge.Start(Language.En, models: BothGates());

        Assert.IsType<GatePrompt>(ConversationKnowledge.AnswerUntil<GatePrompt>(conversation));
        Assert.True(conversation.Answer("2").Accepted);

        var consent = Assert.IsType<GatePrompt>(conversation.Next());
        Assert.Equal(Gate.OwnerConsent, consent.Gate);
    }
}
