using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

public sealed class DiagnosisConversationTests
{
    [Fact]
    public void Next_FreshSession_ReturnsStepOneWithLabelledChoices()
    {
        var conversation = ConversationKnowledge.Start();

        var prompt = Assert.IsType<StepPrompt>(conversation.Next());

        Assert.Equal(1, prompt.View.Number);
        Assert.NotEmpty(prompt.View.Title);
        Assert.All(prompt.Choices, c => Assert.NotEqual(c.Value, c.Label));
    }

    [Theory]
    [InlineData("はい")]
    [InlineData("Ｙｅｓ")]
    [InlineData("1")]
    [InlineData("１")]
    public void Answer_AsAPersonTypesIt_IsRecordedAsTheChoicesValue(string input)
    {
        var conversation = ConversationKnowledge.Start();
        var first = (StepPrompt)conversation.Next();

        var result = conversation.Answer(input);

        Assert.True(result.Accepted, result.Message);
        var answered = Assert.IsType<StepAnswered>(conversation.Events[^1]);
        Assert.Equal(first.View.StepId, answered.StepId);
        Assert.Equal(first.Choices[0].Value, answered.Answer);
        Assert.Equal(EventActor.Person, answered.Actor);
    }

    [Fact]
    public void Answer_NotOffered_IsRejectedWithTheChoicesAndRecordsNothing()
    {
        var conversation = ConversationKnowledge.Start();
        conversation.Next();

        var result = conversation.Answer("たぶん");

        Assert.False(result.Accepted);
        Assert.Contains("たぶん", result.Message, StringComparison.Ordinal);
        Assert.Contains("1. ", result.Message, StringComparison.Ordinal);
        Assert.Empty(conversation.Events);
    }

    [Fact]
    public void Next_OnlyTheDataLossStepCouldStillFix_AsksTheBackupGate()
    {
        var conversation = ConversationKnowledge.Start();

        var gate = Assert.IsType<GatePrompt>(ConversationKnowledge.AnswerUntil<GatePrompt>(conversation));

        Assert.Equal(Gate.BackupVerified, gate.Gate);
        Assert.Equal("backup-verified", gate.Id);
        Assert.Contains("DFUモードで復元する", gate.Question, StringComparison.Ordinal);
        Assert.Equal(["backup-verified", "accept-loss", "no"], gate.Choices.Select(c => c.Value));
    }

    [Fact]
    public void Answer_GateYes_OpensTheGateAndTheDataLossStepComesNext()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);

        Assert.True(conversation.Answer("はい").Accepted);

        Assert.Equal("true", conversation.Snapshot.Facts[FactKeys.BackupVerified]);
        var next = Assert.IsType<StepPrompt>(conversation.Next());
        Assert.Equal("dfu-restore", next.View.StepId);
    }

    [Fact]
    public void Undo_AfterAGateAnswer_TakesBackTheAnswerAndItsFactAndAsksTheGateAgain()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);
        var stepsBefore = conversation.AnsweredSteps;
        conversation.Answer("はい");

        Assert.True(conversation.Undo());

        Assert.False(conversation.Snapshot.Facts.ContainsKey(FactKeys.BackupVerified));
        Assert.Equal(stepsBefore, conversation.AnsweredSteps);
        Assert.IsType<GatePrompt>(conversation.Next());
    }

    [Fact]
    public void Undo_AfterAStepAnswer_AsksTheSameStepAgain()
    {
        var conversation = ConversationKnowledge.Start();
        var first = (StepPrompt)conversation.Next();
        conversation.Answer("2");

        Assert.True(conversation.Undo());

        var again = Assert.IsType<StepPrompt>(conversation.Next());
        Assert.Equal(first.View.StepId, again.View.StepId);
        Assert.Equal(1, again.View.Number);
        Assert.False(conversation.Undo());
    }

    [Fact]
    public void Next_GateDeclined_HandsOverWithTheEscalationRecordedAndTheFinishRepeats()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);
        conversation.Answer("いいえ");

        var finish = Assert.IsType<FinishPrompt>(conversation.Next());

        Assert.Equal(SessionOutcome.Escalated, finish.Outcome);
        Assert.Equal("apple-support", finish.Escalation?.StepId);
        Assert.Contains("シリアル番号を控える", finish.Escalation!.Prepare);
        Assert.Equal(StepAnswers.Escalated, Assert.IsType<StepAnswered>(conversation.Events[^1]).Answer);
        Assert.IsType<FinishPrompt>(conversation.Next());
        Assert.Single(conversation.Events.OfType<StepAnswered>(), a => a.Answer == StepAnswers.Escalated);
        Assert.False(conversation.Answer("1").Accepted);
    }

    [Fact]
    public void Answer_Fixed_FinishesFixedAndTheReportNamesTheStep()
    {
        var conversation = ConversationKnowledge.Start();
        while (conversation.Next() is StepPrompt { View.Kind: StepKind.Question })
        {
            conversation.Answer("はい");
        }

        var action = (StepPrompt)conversation.Next();
        conversation.Answer("直った");

        var report = conversation.Report();
        Assert.Equal(SessionOutcome.Fixed, report.Outcome);
        Assert.Equal(action.View.StepId, report.ResolvedBy);
        Assert.Equal("直った", report.Transcript[^1].AnswerLabel);
        Assert.Equal("test-v1", report.KnowledgeVersion);
    }

    [Fact]
    public void Next_PlatformUnknownAndAStepDiffersByComputer_AsksThePlatformOnceThenShowsOnlyItsSteps()
    {
        var conversation = ConversationKnowledge.Start(platforms: ConversationOptions.AllComputerPlatforms);

        var platform = Assert.IsType<PlatformPrompt>(ConversationKnowledge.AnswerUntil<PlatformPrompt>(conversation));
        Assert.True(conversation.Answer("Mac の Finder").Accepted);

        var step = Assert.IsType<StepPrompt>(conversation.Next());
        Assert.Equal("replace-cable", step.View.StepId);
        var block = Assert.Single(step.View.Instructions);
        Assert.Null(block.Heading);
        Assert.Contains("Finder", block.Steps[0], StringComparison.Ordinal);
        Assert.Equal(4, platform.Choices.Count);
    }

    [Fact]
    public void Next_OnAMac_NeverAsksThePlatform()
    {
        var conversation = ConversationKnowledge.Start(platforms: [Platform.MacosFinder]);

        Assert.IsNotType<PlatformPrompt>(ConversationKnowledge.AnswerUntil<PlatformPrompt>(conversation));
    }

    [Fact]
    public void Answer_DeviceByModelName_ShowsOnlyThatFamilysButtons()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<DevicePrompt>(conversation);

        var result = conversation.Answer("iPhone SE (2nd generation)");

        Assert.True(result.Accepted, result.Message);
        Assert.Contains("iPhone SE (2nd generation)", result.Message, StringComparison.Ordinal);
        var step = Assert.IsType<StepPrompt>(conversation.Next());
        var block = Assert.Single(step.View.Instructions);
        Assert.Contains("音量を上げる", block.Steps[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_DeviceNameNotFound_IsRejectedWithAHint()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<DevicePrompt>(conversation);

        var result = conversation.Answer("Galaxy S24");

        Assert.False(result.Accepted);
        Assert.Contains("Galaxy S24", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_ScriptedWithoutContext_ShowsEveryFamilyUnderHeadings()
    {
        var conversation = ConversationKnowledge.Start(askContext: false);

        var step = ConversationKnowledge.AnswerUntil<StepPrompt>(conversation);
        while (step is StepPrompt s && s.View.StepId != "force-restart")
        {
            conversation.Answer(s.View.Kind == StepKind.Action ? "直らない" : "はい");
            step = conversation.Next();
        }

        var view = Assert.IsType<StepPrompt>(step).View;
        Assert.Equal(2, view.Instructions.Count);
        Assert.All(view.Instructions, b => Assert.NotNull(b.Heading));
    }

    [Fact]
    public void Start_EvidenceThenPersonFacts_ThePersonsValueWins()
    {
        var evidence = new Fact(FactKeys.BackupVerified, "false", new FactSource(FactSourceKind.Backup, "backup-dir"), "incomplete");

        var conversation = ConversationKnowledge.Start(evidence: [evidence], facts: [new(FactKeys.BackupVerified, "true")]);

        Assert.Equal("true", conversation.Snapshot.Facts[FactKeys.BackupVerified]);
        var facts = conversation.Events.OfType<FactRecorded>().ToArray();
        Assert.Equal(EventActor.EvidenceReader, facts[0].Actor);
        Assert.Equal(EventActor.Person, facts[1].Actor);
    }

    [Fact]
    public void Resume_FromTheEncodedLog_ContinuesWhereItStopped()
    {
        var models = ConversationKnowledge.Models();
        var live = ConversationKnowledge.Start(models: models);
        live.Next();
        live.Answer("1");
        ConversationKnowledge.AnswerUntil<GatePrompt>(live);
        live.Answer("2");
        var text = SessionLogCodec.Encode(live.Log);

        var log = SessionLogCodec.Decode(text, "session.json");
        var resumed = DiagnosisConversation.Resume(models, log, new ConversationOptions { PlatformCandidates = [Platform.MacosFinder] }, new FixedTime(ConversationKnowledge.T0));

        Assert.Equal("test-v1", log.KnowledgeVersion);
        Assert.Equal(live.Events, resumed.Events);
        Assert.Equal(live.Next().Id, resumed.Next().Id);
        Assert.Empty(resumed.ReplayProblems);
        Assert.True(resumed.Undo());
        Assert.False(resumed.Snapshot.Facts.ContainsKey(FactKeys.DataLossAccepted));
    }

    [Fact]
    public void Resume_LogWithAStepTheKnowledgeBaseNoLongerHas_ReportsItInsteadOfThrowing()
    {
        var models = ConversationKnowledge.Models();
        var log = new SessionLog(ConversationKnowledge.Symptom, "old", null, null,
        [
            new StepAnswered("q-removed-long-ago", "yes", ConversationKnowledge.T0),
            new StepAnswered("q-storage", "yes", ConversationKnowledge.T0),
        ]);

        var resumed = DiagnosisConversation.Resume(models, log, new ConversationOptions(), new FixedTime(ConversationKnowledge.T0));

        Assert.Single(resumed.ReplayProblems);
        Assert.Contains("q-removed-long-ago", resumed.ReplayProblems[0], StringComparison.Ordinal);
        Assert.Single(resumed.Events);
        Assert.IsNotType<FinishPrompt>(resumed.Next());
    }

    [Fact]
    public void Decode_NotASessionFile_ThrowsSessionFormatException()
    {
        Assert.Throws<SessionFormatException>(() => SessionLogCodec.Decode("{\"format\":\"other\"}", "x.json"));
        Assert.Throws<SessionFormatException>(() => SessionLogCodec.Decode("not json", "x.json"));
    }

    [Fact]
    public void ReportText_Japanese_HoldsNoIdOfTheKnowledgeBase()
    {
        var conversation = ConversationKnowledge.Start(evidence: [new Fact(FactKeys.ErrorCode, "restore:4013", new FactSource(FactSourceKind.Log, "--text"), "4013")]);
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);
        conversation.Answer("いいえ");
        conversation.Next();

        var text = DiagnosisReportText.ToText(conversation.Report(), Language.Ja, markdown: true);

        var kb = conversation.Knowledge;
        var ids = kb.Content.Causes.Select(c => c.Id).Concat(kb.Actions.Keys).Concat(kb.Questions.Keys).Concat(kb.Escalations.Keys)
            .Append(FactKeys.ErrorCode).Append(FactKeys.BackupVerified).Append("not-fixed").Append("backup-verified");
        Assert.All(ids, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
        Assert.Contains("エラーコード: 4013(アップデート・復元)", text, StringComparison.Ordinal);
        Assert.Contains("Appleサポートに相談する", text, StringComparison.Ordinal);
        Assert.Contains("DFUモードで復元する(確認済みのバックアップが必要)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyCache_MoreGateStatesThanItsCapacity_KeepsOnlyTheBound()
    {
        var models = new KnowledgeModels(ConversationKnowledge.Build(), policyCapacity: 1);
        var model = models.Model(ConversationKnowledge.Symptom);

        models.Policies.Get(model, GateState.Initial);
        models.Policies.Get(model, GateState.AllOpen);

        Assert.Equal(1, models.Policies.Count);
        Assert.Same(model, models.Model(ConversationKnowledge.Symptom));
    }
}
