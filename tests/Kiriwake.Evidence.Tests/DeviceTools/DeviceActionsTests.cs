using Kiriwake.Core.Actions;
using Kiriwake.Core.Facts;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>The conversation's hook: a step id gives an action, the action's facts open the backup gate only on a complete backup.</summary>
public sealed class DeviceActionsTests
{
    private const string Udid = FakeTools.TrustedUdid;

    private static DeviceActions Actions(FakeTools tools, string destination) =>
        new(new ToolRunner(tools.Directory), TestKnowledge.Create(), TimeProvider.System, destination,
            new BackupMakerOptions(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5)),
            new RecoverySwitchOptions(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)));

    [Fact]
    public void ForStep_BackupStepAndOthers_OnlyBackupMapped()
    {
        using var tools = new FakeTools();
        var actions = Actions(tools, "/nonexistent");

        Assert.Equal(DeviceAction.MakeVerifiedBackup, actions.ForStep(DeviceActions.BackupStepId));
        Assert.Null(actions.ForStep("check-apple-system-status"));
        Assert.Null(actions.ForStep("no-such-step"));
    }

    [UnixFact]
    public async Task PrepareAsync_TrustedDevice_QuestionNamesDeviceAndFolderWithFamilyFacts()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone();

        var consent = await Actions(tools, temp.Path).PrepareAsync(DeviceAction.MakeVerifiedBackup, CancellationToken.None);

        Assert.True(consent.CanRun);
        Assert.True(consent.NeedsPassword);
        Assert.Contains("Hanako: iPhone", consent.Question.En, StringComparison.Ordinal);
        Assert.Contains(temp.Path, consent.Question.Ja, StringComparison.Ordinal);
        Assert.Contains(consent.Facts, f => f.Key == FactKeys.DeviceButtonFamily && f.Value == "iphone-no-home");
    }

    [UnixFact]
    public async Task RunAsync_BackupCompletes_SucceededWithVerifiedFactAndProgressWords()
    {
        using var temp = new TempFolder();
        var template = BackupFixture.Create(Path.Combine(temp.Path, "t"), new BackupSpec(Files: 12, Date: TimeProvider.System.GetUtcNow()));
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.Success);
        var reports = new List<DeviceActionProgress>();

        var result = await Actions(tools, Path.Combine(temp.Path, "b")).RunAsync(new DeviceActionRequest(DeviceAction.MakeVerifiedBackup), new Sync(reports.Add), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Contains(result.Facts, f => f.Key == FactKeys.BackupVerified && f.Value == "true");
        Assert.Contains(reports, r => r.Detail is { } d && d.Ja.Contains("ファイル", StringComparison.Ordinal) && d.En.Contains("files", StringComparison.Ordinal));
        Assert.Null(result.SymptomId);
    }

    [UnixFact]
    public async Task RunAsync_BackupFails_NoVerifiedFactAndSymptomToStartFrom()
    {
        using var temp = new TempFolder();
        var template = BackupFixture.Create(Path.Combine(temp.Path, "t"), new BackupSpec(Files: 12, Date: TimeProvider.System.GetUtcNow()));
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.DiskFull);

        var result = await Actions(tools, Path.Combine(temp.Path, "b")).RunAsync(new DeviceActionRequest(DeviceAction.MakeVerifiedBackup), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.DoesNotContain(result.Facts, f => f.Key == FactKeys.BackupVerified && f.Value == "true");
        Assert.NotNull(result.SymptomId);
        Assert.NotEmpty(result.NextSteps);
    }

    [UnixFact]
    public async Task RunAsync_EnterRecovery_SucceededWithRecoveryFact()
    {
        using var tools = FakeTools.TrustedIphone()
            .AddScript("ideviceenterrecovery", Udid, "echo 'Device is successfully switching to recovery mode.'")
            .AddScript("irecovery", "-m", "echo 'Recovery Mode'");

        var result = await Actions(tools, "/nonexistent").RunAsync(new DeviceActionRequest(DeviceAction.EnterRecovery), null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("recovery", result.Facts.Last(f => f.Key == FactKeys.DeviceConnection).Value);
        Assert.Single(result.Facts, f => f.Key == FactKeys.DeviceConnection);
    }

    private sealed class Sync(Action<DeviceActionProgress> report) : IProgress<DeviceActionProgress>
    {
        public void Report(DeviceActionProgress value) => report(value);
    }
}
