using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.Logs;

public sealed class LogAnalyzerTests
{
    private static readonly KnowledgeBase s_knowledge = TestKnowledge.Create();

    // One row per format of the reference: file, the code found first, its domain, line, format, first symptom.
    public static TheoryData<string, int, ErrorDomain, int, LogFormat, string> CodeFixtures => new()
    {
        { "idevicebackup2-105-disk-full.txt", 105, ErrorDomain.Backup, 10, LogFormat.Idevicebackup2, "computer-disk-full" },
        { "idevicebackup2-208-locked.txt", 208, ErrorDomain.Backup, 3, LogFormat.Idevicebackup2, "computer-backup-failed" },
        { "idevicebackup2-restore-207.txt", 207, ErrorDomain.Backup, 2, LogFormat.Idevicebackup2, "computer-backup-failed" },
        { "idevicerestore-1.0.0-tss-94.txt", 3194, ErrorDomain.Restore, 17, LogFormat.Idevicerestore, "restore-network-error" },
        { "idevicerestore-master-status-fail.txt", 27, ErrorDomain.Restore, 5, LogFormat.Idevicerestore, "restore-error-4013" },
        { "dialog-ja-restore-4013.txt", 4013, ErrorDomain.Restore, 1, LogFormat.Dialog, "restore-error-4013" },
        { "dialog-en-restore-4013.txt", 4013, ErrorDomain.Restore, 1, LogFormat.Dialog, "restore-error-4013" },
        { "dialog-ja-update-17-fullwidth.txt", 17, ErrorDomain.Restore, 1, LogFormat.Dialog, "restore-network-error" },
        { "itunes-log-3194.txt", 3194, ErrorDomain.Restore, 5, LogFormat.AppleLog, "restore-network-error" },
        { "itunes-log-4013.txt", 4013, ErrorDomain.Restore, 3, LogFormat.AppleLog, "restore-error-4013" },
        { "finder-log-nserror.txt", 4013, ErrorDomain.Restore, 2, LogFormat.AppleLog, "restore-error-4013" },
    };

    [Theory]
    [MemberData(nameof(CodeFixtures))]
    public void Analyze_Fixture_CodeLineFormatAndSymptom(string file, int code, ErrorDomain domain, int line, LogFormat format, string symptom)
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log(file), s_knowledge);

        var finding = analysis.Findings.First(f => f.Code is not null);
        Assert.Equal((code, domain, line, format), (finding.Code!.Value, finding.Domain!.Value, finding.Line, finding.Format));
        Assert.Equal(symptom, finding.Symptoms[0]);
        Assert.NotEmpty(finding.Causes);
        Assert.InRange(finding.Confidence, 0.5, 1.0);
        Assert.Contains(format, analysis.Formats);
    }

    [Fact]
    public void Analyze_BackupErrorCodeAndFailedLine_OneFindingSeenOnBothLines()
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log("idevicebackup2-105-disk-full.txt"), s_knowledge);

        var finding = Assert.Single(analysis.Findings, f => f.Code == 105);
        Assert.Equal(10, finding.Line);
        Assert.Equal([12], finding.AlsoAt);
        Assert.Equal("Insufficient free disk space on drive to back up (MBErrorDomain/105)", finding.Message);
        Assert.Equal("backup-failed", finding.Status);
        Assert.Equal("backup:105", finding.CodeKey);
    }

    [Fact]
    public void Analyze_JapaneseDialogWithKnownMessage_CodeAndMessageColumnsPointIntoTheLine()
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log("dialog-ja-restore-4013.txt"), s_knowledge);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(4013, finding.Code);
        Assert.Equal(["usb-connection", "cable-faulty", "device-hardware-fault"], finding.Causes);
        Assert.Equal(new LocalizedText("コード 4013", "code 4013"), finding.Meaning);
        Assert.Equal("iPhone \"花子のiPhone\" を復元できませんでした。不明なエラーが発生しました (4013)。", finding.Excerpt);
    }

    [Fact]
    public void Analyze_EnglishDialogWithGenericAndSpecificWording_OnlyTheCodeFinding()
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log("dialog-en-restore-4013.txt"), s_knowledge);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(4013, finding.Code);
        Assert.DoesNotContain("restore-unknown-error", finding.Symptoms);
    }

    [Fact]
    public void Analyze_GenericWordingWithoutCode_GenericSymptom()
    {
        var finding = Assert.Single(LogAnalyzer.Analyze("iPhone \"X\" を復元できませんでした。不明なエラーが発生しました。", s_knowledge).Findings);

        Assert.Equal(["restore-unknown-error"], finding.Symptoms);
    }

    [Fact]
    public void Analyze_CodeOnlyKnownByRange_ClassSymptomsAtLowerConfidence()
    {
        var analysis = LogAnalyzer.Analyze("iPhone をアップデートできませんでした。不明なエラーが発生しました (3014)。", s_knowledge);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(3014, finding.Code);
        Assert.Equal(new LocalizedText("ネットワーク", "network"), finding.Meaning);
        Assert.Equal(["restore-network-error"], finding.Symptoms);
        Assert.Equal(0.54, finding.Confidence);
    }

    [Fact]
    public void Analyze_CodeUnknownToKnowledge_FoundWithoutSymptoms()
    {
        var analysis = LogAnalyzer.Analyze("An unknown error occurred (75).", s_knowledge);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(75, finding.Code);
        Assert.Empty(finding.Symptoms);
        Assert.Null(finding.Meaning);
        Assert.Equal(0.45, finding.Confidence);
    }

    [Theory]
    [InlineData("dialog-en-backup-disconnected.txt", "computer-backup-failed", "…because the iPhone disconnected.")]
    [InlineData("dialog-ja-icloud-storage.txt", "icloud-storage-full", "このiPhoneをバックアップするのに十分なiCloudの空き容量がありません。")]
    public void Analyze_KnownMessage_SymptomWithPriorCauses(string file, string symptom, string message)
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log(file), s_knowledge);

        var finding = Assert.Single(analysis.Findings, f => f.Kind == FindingKind.KnownMessage);
        Assert.Equal([symptom], finding.Symptoms);
        Assert.Equal(message, finding.Message);
        Assert.Equal(s_knowledge.Symptoms[symptom].Prior.OrderByDescending(p => p.P).Select(p => p.CauseId), finding.Causes);
    }

    [Fact]
    public void Analyze_KnownMessageWrappedAndSpacedDifferently_StillFound()
    {
        var text = "iPhone 花子 を復元できませんでした。\n不明な エラーが 発生しました（４０１３）";

        var analysis = LogAnalyzer.Analyze(text, s_knowledge);

        // The code in full-width digits is read too; the message on the same line folds into it.
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal((2, 4013), (finding.Line, finding.Code!.Value));
        Assert.Equal(["restore-error-4013"], finding.Symptoms);
        Assert.Equal(0.95, finding.Confidence);
    }

    [Fact]
    public void Analyze_ConnectionLost_ToolErrorWithMeaningAndAbortStatus()
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log("idevicebackup2-connection-lost.txt"), s_knowledge);

        var lost = Assert.Single(analysis.Findings, f => f.Kind == FindingKind.ToolError && f.Line == 5);
        Assert.Contains("encrypted connection", lost.Meaning!.En, StringComparison.Ordinal);
        Assert.Contains(analysis.Findings, f => f.Status == "backup-aborted" && f.Line == 7);
        Assert.Contains(analysis.Findings, f => f.Status == "backup-unencrypted" && f.Line == 2);
    }

    [Fact]
    public void Analyze_RefusedBackup_ToolError()
    {
        var finding = Assert.Single(LogAnalyzer.Analyze(TestPaths.Log("idevicebackup2-refused.txt"), s_knowledge).Findings);

        Assert.Equal((FindingKind.ToolError, 4, "backup-failed"), (finding.Kind, finding.Line, finding.Status));
    }

    [Fact]
    public void Analyze_TimestampedRestoreLog_ColumnAfterPrefixAndModeStatus()
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log("idevicerestore-master-status-fail.txt"), s_knowledge);

        var status = Assert.Single(analysis.Findings, f => f.Code == 27);
        Assert.Equal(22, status.Column);
        Assert.Contains(analysis.Findings, f => f.Kind == FindingKind.ToolStatus && f.Meaning!.En == "The device was in recovery mode.");
        Assert.Contains(analysis.Findings, f => f.Kind == FindingKind.ToolError && f.Message == "Unable to restore device");
        Assert.DoesNotContain(analysis.Findings, f => f.Message.Contains("Verifying", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("idevicerestore-1.0.0-no-device")]
    [InlineData("idevicerestore-master-no-device")]
    public void Analyze_RestoreNoDeviceBothStyles_ToolErrorNoDevice(string name)
    {
        var text = name.EndsWith("1.0.0-no-device", StringComparison.Ordinal)
            ? Capture.Load(name).Stderr
            : TestPaths.Log(name + ".txt");

        var finding = Assert.Single(LogAnalyzer.Analyze(text, s_knowledge).Findings);

        Assert.Equal(FindingKind.ToolError, finding.Kind);
        Assert.Equal(LogFormat.Idevicerestore, finding.Format);
        Assert.Equal("No device was found (check connection, cable, driver).", finding.Meaning!.En);
    }

    [Fact]
    public void Analyze_MacNsErrorWithBackupDomain_BackupCode()
    {
        var analysis = LogAnalyzer.Analyze(TestPaths.Log("finder-log-nserror.txt"), s_knowledge);

        var backup = Assert.Single(analysis.Findings, f => f.Code == 105);
        Assert.Equal((ErrorDomain.Backup, 3, LogFormat.AppleLog), (backup.Domain!.Value, backup.Line, backup.Format));
    }

    [Theory]
    [InlineData("[10:00:01.0001] AMRestorePerformRestoreModeRestoreWithError failed with error: 0")]
    [InlineData("[10:00:01.0001] <Restore Device 0x1>: Restore finished (result = 0)")]
    [InlineData("IOKit error -536870212 while reading")]
    public void Analyze_ZeroOrOverlongNumber_NoCode(string line) =>
        Assert.DoesNotContain(LogAnalyzer.Analyze(line, s_knowledge).Findings, f => f.Code is not null);

    [Fact]
    public void Analyze_TextWithoutErrors_NoFindings()
    {
        Assert.Empty(LogAnalyzer.Analyze(TestPaths.Log("unrelated-text.txt"), s_knowledge).Findings);
        Assert.Empty(LogAnalyzer.Analyze(string.Empty, s_knowledge).Findings);
    }

    [Fact]
    public void Analyze_BackupDialogCode_BackupDomain()
    {
        var finding = Assert.Single(LogAnalyzer.Analyze("iPhone をバックアップできませんでした。エラーが発生しました (105)。", s_knowledge).Findings);

        Assert.Equal((ErrorDomain.Backup, 105), (finding.Domain!.Value, finding.Code!.Value));
        Assert.Equal(["computer-backup-failed", "computer-disk-full"], finding.Symptoms);
    }

    [Fact]
    public void Analyze_CrLfText_SameFindingsAsLf()
    {
        var lf = TestPaths.Log("itunes-log-3194.txt").Replace("\r\n", "\n", StringComparison.Ordinal);

        var a = LogAnalyzer.Analyze(lf, s_knowledge).Findings.Select(f => (f.Line, f.Code, f.Message));
        var b = LogAnalyzer.Analyze(lf.Replace("\n", "\r\n", StringComparison.Ordinal), s_knowledge).Findings.Select(f => (f.Line, f.Code, f.Message));

        Assert.Equal(a, b);
    }

    [Fact]
    public void Analyze_VeryLongLine_ExcerptCapped()
    {
        var text = new string('x', 500) + " An unknown error occurred (4013).";

        var finding = Assert.Single(LogAnalyzer.Analyze(text, s_knowledge).Findings, f => f.Kind == FindingKind.ErrorCode);

        Assert.Equal(LogAnalyzer.MaxExcerptLength + 1, finding.Excerpt.Length);
        Assert.Equal(505, finding.Column);
    }
}
