using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>One way to start a session: the conversation and `kb eval` open theirs through SymptomSession.Open, so
/// they agree on the model, the gates and the step the engine proposes for the same facts.</summary>
public sealed class SymptomSessionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    [InlineData("false")]
    public void Open_SameFactsAsAConversation_SameNextStepAndGates(string? verified)
    {
        KeyValuePair<string, string>[] facts = verified is null ? [] : [new(FactKeys.BackupVerified, verified)];
        var models = ConversationKnowledge.Models();
        var conversation = ConversationKnowledge.Start(askContext: false, facts: facts, models: models);

        var eval = SymptomSession.Open(models.Knowledge, ConversationKnowledge.Symptom, facts, ConversationKnowledge.T0);

        Assert.Equal(eval.Snapshot.Gates, conversation.Snapshot.Gates);
        var step = Assert.IsType<StepPrompt>(conversation.Next());
        Assert.Equal(eval.Next()!.Step.Id, step.View.StepId);
    }

    [Fact]
    public void Open_Models_SharesTheCompiledModelOfTheKnowledgeBase()
    {
        var models = ConversationKnowledge.Models();
        var conversation = ConversationKnowledge.Start(models: models);

        var session = SymptomSession.Open(models, ConversationKnowledge.Symptom, conversation.Events);

        Assert.Same(conversation.Model, session.Model);
        Assert.Equal(conversation.Snapshot.Facts, session.Snapshot.Facts);
    }

    [Fact]
    public void Open_UnknownSymptom_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => SymptomSession.Open(ConversationKnowledge.Models(), "no-such-symptom", Array.Empty<SessionEvent>()));
    }
}
