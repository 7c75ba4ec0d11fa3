using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.Logs;

public sealed class LogDiagnosisTests
{
    private static readonly KnowledgeBase s_knowledge = TestKnowledge.Create();

    [Theory]
    [InlineData("dialog-ja-restore-4013.txt", "restore-error-4013", "restore:4013")]
    [InlineData("itunes-log-3194.txt", "restore-network-error", "restore:3194")]
    [InlineData("idevicebackup2-105-disk-full.txt", "computer-disk-full", "backup:105")]
    [InlineData("idevicebackup2-208-locked.txt", "computer-backup-failed", "backup:208")]
    public void FromText_Fixture_SymptomAndErrorCodeFact(string file, string symptom, string code)
    {
        var start = LogDiagnosis.FromText(TestPaths.Log(file), s_knowledge, file);

        Assert.Equal(symptom, start.SymptomId);
        var fact = start.Facts.Single(f => f.Key == FactKeys.ErrorCode);
        Assert.Equal(code, fact.Value);
        Assert.Equal(new FactSource(FactSourceKind.Log, file), fact.Source);
        Assert.StartsWith("line ", fact.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FromText_BackupLogs_EncryptionAndOutcomeFacts()
    {
        var failed = LogDiagnosis.FromText(TestPaths.Log("idevicebackup2-105-disk-full.txt"), s_knowledge, "a.log");
        var succeeded = LogDiagnosis.FromText(TestPaths.Log("idevicebackup2-success-encrypted.txt"), s_knowledge, "b.log");

        Assert.Equal("false", Value(failed, FactKeys.DeviceBackupEncryption));
        Assert.Equal("true", Value(failed, FactKeys.BackupLastIncomplete));
        Assert.Equal("true", Value(succeeded, FactKeys.DeviceBackupEncryption));
        Assert.Equal("false", Value(succeeded, FactKeys.BackupLastIncomplete));
        Assert.Null(succeeded.SymptomId);
    }

    [Fact]
    public void FromText_OneCodeRepeatedOnSeveralLines_CountedOnce()
    {
        var start = LogDiagnosis.FromText(TestPaths.Log("itunes-log-4013.txt"), s_knowledge, "itunes.log");

        var top = start.Candidates[0];
        Assert.Equal(("restore-error-4013", 3), (top.SymptomId, top.FirstLine));
        Assert.Equal(0.75, top.Weight);
    }

    [Fact]
    public void FromText_SeparateObservationsOfOneSymptom_WeightAddsUp()
    {
        var start = LogDiagnosis.FromText("An unknown error occurred (9).\nbefore that: 不明なエラーが発生しました (4013)。", s_knowledge, "text");

        var top = start.Candidates[0];
        Assert.Equal("restore-error-4013", top.SymptomId);
        Assert.Equal(1.85, top.Weight);
    }

    [Fact]
    public void FromText_MessageAndCodeOnOneLine_CountedOnce()
    {
        var start = LogDiagnosis.FromText("不明なエラーが発生しました (4013)。", s_knowledge, "text");

        Assert.Equal(0.95, start.Candidates.Single(c => c.SymptomId == "restore-error-4013").Weight);
    }

    [Fact]
    public void FromText_CodeAndSpecificMessageOnOneLine_MessageSymptomFirst()
    {
        var start = LogDiagnosis.FromText(TestPaths.Log("idevicebackup2-105-disk-full.txt"), s_knowledge, "a.log");

        Assert.Equal(["computer-disk-full", "computer-backup-failed"], start.Candidates.Select(c => c.SymptomId));
    }

    [Fact]
    public void FromText_NothingFound_NoSymptomNoFacts()
    {
        var start = LogDiagnosis.FromText("hello", s_knowledge, "text");

        Assert.Null(start.SymptomId);
        Assert.Empty(start.Candidates);
        Assert.Empty(start.Facts);
    }

    private static string? Value(DiagnosisStart start, string key) => start.Facts.SingleOrDefault(f => f.Key == key)?.Value;
}
