using Kiriwake.Core.Conversation;
using Kiriwake.Core.Facts;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>A device action's facts, recorded mid-session, act like evidence read at the start.</summary>
public sealed class RecordEvidenceTests
{
    [Fact]
    public void RecordEvidence_VerifiedBackupAtTheGate_GateNotAskedDataLossStepNext()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);

        conversation.RecordEvidence([new Fact(FactKeys.BackupVerified, "true", new FactSource(FactSourceKind.Backup, "/backups/UDID"), "complete, every file checked")]);

        Assert.Equal("true", conversation.Snapshot.Facts[FactKeys.BackupVerified]);
        var next = Assert.IsType<StepPrompt>(conversation.Next());
        Assert.Equal("dfu-restore", next.View.StepId);
    }

    [Fact]
    public void RecordEvidence_FailedBackup_GateStillAsked()
    {
        var conversation = ConversationKnowledge.Start();
        ConversationKnowledge.AnswerUntil<GatePrompt>(conversation);

        conversation.RecordEvidence([new Fact(FactKeys.BackupLastIncomplete, "true", new FactSource(FactSourceKind.Log, "idevicebackup2"), "line 9: Backup Failed (Error Code 105).")]);

        Assert.IsType<GatePrompt>(conversation.Next());
    }
}
