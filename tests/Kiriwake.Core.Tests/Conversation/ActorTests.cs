using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>A handed-over conversation records who answered: a helpdesk agent or technician, with the account's name.</summary>
public sealed class ActorTests
{
    [Fact]
    public void Answer_AsHelpdeskAgent_RecordsAgentAndAccountAndSurvivesTheCodec()
    {
        var person = ConversationKnowledge.Start();
        Assert.True(person.Answer("いいえ").Accepted);
        var log = SessionLogCodec.Decode(SessionLogCodec.Encode(person.Log), "test");
        var agent = DiagnosisConversation.Resume(ConversationKnowledge.Models(), log,
            new ConversationOptions { Language = Language.Ja, PlatformCandidates = [Platform.MacosFinder], Actor = EventActor.Agent, By = "sato" }, new FixedTime(ConversationKnowledge.T0));

        Assert.True(agent.Answer("いいえ").Accepted);
        Assert.True(agent.Undo());

        var events = SessionLogCodec.Decode(SessionLogCodec.Encode(agent.Log), "test").Events;
        Assert.Equal((EventActor.Person, (string?)null), (events[0].Actor, events[0].By));
        Assert.Equal((EventActor.Agent, "sato"), (events[1].Actor, events[1].By));
        Assert.Equal((EventActor.Agent, "sato"), (events[2].Actor, events[2].By));
        Assert.IsType<AnswerUndone>(events[2]);
    }

    [Fact]
    public void Encode_PersonOnlyLog_WritesNoAccountMember()
    {
        var person = ConversationKnowledge.Start();
        person.Answer("いいえ");

        Assert.DoesNotContain("\"by\"", SessionLogCodec.Encode(person.Log), StringComparison.Ordinal);
    }
}
