using System.Text.Json;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>`diagnose` starting from evidence: a log file, a pasted dialog, the connected device (fake tools).</summary>
public sealed class DiagnoseEvidenceTests
{
    [Fact]
    public async Task Diagnose_Idevicebackup2Log_StartsAtDiskFullAndRecordsTheLogsFacts()
    {
        var log = Path.Combine(TestPaths.Logs, "idevicebackup2-105-disk-full.txt");

        var result = await Tests.CliRunner.RunAsync("diagnose", "--log", log, "--simulate", "pc-storage-full", "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("computer-backup-disk-full", json.RootElement.GetProperty("symptom").GetString());
        Assert.Equal("backup:105", json.RootElement.GetProperty("facts").GetProperty("log.error-code").GetString());
    }

    [Fact]
    public async Task Diagnose_LogFromStdin_ReadsIt()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Logs, "dialog-ja-restore-4013.txt"));

        var result = await Tests.CliRunner.RunWithInputAsync(text, "diagnose", "--log", "-", "--simulate", "cable-faulty", "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("restore-error-4013", json.RootElement.GetProperty("symptom").GetString());
    }

    [Fact]
    public async Task Diagnose_TextThatMatchesNothing_SaysSoAndExitsNotFound()
    {
        var result = await Tests.CliRunner.RunAsync("diagnose", "--text", "the weather is nice today", "--simulate", "cable-faulty", "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }

    [UnixFact]
    public async Task Diagnose_Device_FactsAnswerQuestionsAndAreMarkedAsFacts()
    {
        using var tools = FakeTools.TrustedIphone();

        var result = await Tests.CliRunner.RunAsync(
            "diagnose", "--device", "--tools", tools.Directory, "--symptom", "restore-error-4013", "--simulate", "device-storage-full", "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("true", json.RootElement.GetProperty("facts").GetProperty("device.storage-low").GetString());
        var byFact = json.RootElement.GetProperty("transcript").EnumerateArray().Where(s => s.GetProperty("source").GetString() == "fact").ToList();
        Assert.NotEmpty(byFact);
        Assert.Contains(byFact, s => s.GetProperty("id").GetString() == "q-device-storage-enough" && s.GetProperty("answer").GetString() == "no");
    }

    [Fact]
    public async Task Diagnose_PersonOverridesAFactWithFact_LastValueWins()
    {
        var log = Path.Combine(TestPaths.Logs, "idevicebackup2-success-encrypted.txt");

        var result = await Tests.CliRunner.RunAsync(
            "diagnose", "--log", log, "--symptom", "computer-backup-password-rejected", "--fact", "device.backup-encryption=false", "--simulate", "encrypted-backup-password-forgotten", "--kb", RepoPaths.Knowledge, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("false", json.RootElement.GetProperty("facts").GetProperty("device.backup-encryption").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Diagnose_Backup_OnlyAVerifiedBackupLetsAnEraseBeProposed(bool complete)
    {
        using var temp = new TempFolder();
        var folder = BackupFixture.Create(temp.Path, new BackupSpec(Date: TimeProvider.System.GetUtcNow().AddHours(-1)));
        if (!complete)
        {
            BackupDamage.DeleteBlob(folder, Path.GetFileName(BackupDamage.NonEmptyBlobs(folder)[0]));
        }

        var result = await Tests.CliRunner.RunAsync(
            "diagnose", "--backup", folder, "--symptom", "restore-error-4013", "--simulate", "ios-software-corrupt", "--kb", RepoPaths.Knowledge, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var facts = json.RootElement.GetProperty("facts");
        Assert.Equal(complete ? "true" : "false", facts.GetProperty("backup.verified").GetString());
        var risks = json.RootElement.GetProperty("transcript").EnumerateArray().Select(s => s.GetProperty("risk").GetString()).ToList();
        Assert.Equal(complete, risks.Contains("data-loss"));
    }
}
