using Kiriwake.Core.Conversation;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>The knowledge base's notes for a step (NoteSelector.ForStep) travel with the step's view.</summary>
public sealed class StepNotesTests
{
    private static StepView DfuStep(Language language)
    {
        var conversation = ConversationKnowledge.Start(language);
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);
        conversation.RecordEvidence([new Fact(FactKeys.BackupVerified, "true", new FactSource(FactSourceKind.Backup, "/backups/UDID"), "complete")]);
        var step = Assert.IsType<StepPrompt>(conversation.Next());
        Assert.Equal("dfu-restore", step.View.StepId);
        return step.View;
    }

    [Fact]
    public void Next_StepWithNotes_NotesInFileOrderInJapanese()
    {
        var view = DfuStep(Language.Ja);

        Assert.Equal(
            [new StepNote("注意: DFUモードは慣れている場合のみ", "操作を誤ると再試行が必要になります。"), new StepNote("重要: 復元の前にバックアップ", "復元作業はデータが消える可能性があります。")],
            view.Notes);
    }

    [Fact]
    public void Next_StepWithNotesInEnglish_NotesInEnglish()
    {
        var view = DfuStep(Language.En);

        Assert.Equal(["Caution: DFU mode only if you are used to it", "Important: back up before restoring"], view.Notes.Select(n => n.Title));
    }

    [Fact]
    public void Next_StepWithoutNotes_NoNotes()
    {
        var conversation = ConversationKnowledge.Start();

        var step = Assert.IsType<StepPrompt>(ConversationKnowledge.AnswerUntil<StepPrompt>(conversation));

        Assert.NotEqual("dfu-restore", step.View.StepId);
        Assert.Empty(step.View.Notes);
    }

    [Fact]
    public void Next_HandedOverToAnEscalationWithANote_TheEscalationCarriesIt()
    {
        var conversation = ConversationKnowledge.Start();
        var finish = Assert.IsType<FinishPrompt>(ConversationKnowledge.AnswerUntil<FinishPrompt>(conversation));

        var escalation = Assert.IsType<StepView>(finish.Escalation);
        Assert.Equal("apple-support", escalation.StepId);
        Assert.Equal(["重要: 復元の前にバックアップ"], escalation.Notes.Select(n => n.Title));
    }
}
