using Kiriwake.Core.Facts;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>The real Debian binaries, with no device attached (CI machines have none): the answer must be "no device".</summary>
public sealed class RealToolsTests
{
    [ToolFact("idevice_id", "ideviceinfo", "irecovery")]
    public async Task CaptureAsync_RealToolsNoDeviceAttached_NoDeviceFact()
    {
        var capture = await new DeviceProbe(new ToolRunner()).CaptureAsync(CancellationToken.None);

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.NoDevice, device.State);
        Assert.Contains(device.Facts, f => f.Key == FactKeys.DeviceConnection && f.Value == "no-device");
        Assert.Contains(device.Facts, f => f.Key == FactKeys.DeviceConnected && f.Value == "false");
    }

    [ToolFact("ideviceinfo")]
    public async Task RunAsync_RealIdeviceinfoNoDevice_ClassifiedNoDevice()
    {
        var output = await new ToolRunner().RunAsync("ideviceinfo", ["-x"], TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Equal(ConnectionState.NoDevice, ConnectionStateClassifier.Classify(output)?.State);
    }

    [ToolFact("idevicebackup2")]
    public async Task RunInterruptibleAsync_RealIdevicebackup2NoDevice_NoDeviceLineParsed()
    {
        using var temp = new Fixtures.TempFolder();
        var request = new InterruptibleRequest("idevicebackup2", ["-u", FakeTools.TrustedUdid, "backup", temp.Path], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));

        var run = await new ToolRunner().RunInterruptibleAsync(request, null, CancellationToken.None);

        Assert.Equal(ToolRunStatus.Completed, run.Output.Status);
        Assert.NotEqual(0, run.Output.ExitCode);
        var progress = BackupProgressParser.Parse(run.Output.AllText);
        Assert.Null(progress.Result);
        Assert.StartsWith("No device found", progress.ErrorText, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.NoDevice, ConnectionStateClassifier.Classify(run.Output)?.State);
    }

    [ToolFact("idevice_id", "ideviceinfo", "irecovery", "idevicebackup2")]
    public async Task MakeAsync_RealToolsNoDevice_DeviceNotReadyNothingWritten()
    {
        using var temp = new Fixtures.TempFolder();
        var destination = Path.Combine(temp.Path, "backups");

        var result = await new BackupMaker(new ToolRunner(), TestKnowledge.Create(), TimeProvider.System).MakeAsync(new BackupMakeRequest(destination), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.DeviceNotReady, result.Status);
        Assert.Equal(ConnectionState.NoDevice, result.Device.State);
        Assert.False(Directory.Exists(destination));
    }

    [ToolFact("irecovery")]
    public async Task LeaveAsync_RealIrecoveryNoDevice_NotInRecovery()
    {
        var result = await new RecoveryModeSwitch(new ToolRunner(), null, TimeProvider.System).LeaveAsync(CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.NotInRecovery, result.Status);
    }

    [ToolFact("ideviceenterrecovery")]
    public async Task RunAsync_RealIdeviceenterrecoveryUnknownUdid_ClassifiedNoDevice()
    {
        var output = await new ToolRunner().RunAsync("ideviceenterrecovery", [FakeTools.TrustedUdid], TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.NotEqual(0, output.ExitCode);
        Assert.Equal(ConnectionState.NoDevice, ConnectionStateClassifier.Classify(output)?.State);
    }
}
