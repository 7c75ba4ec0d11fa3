using Kiriwake.Core.Facts;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>
/// Entering recovery mode (ideviceenterrecovery's lines: "Telling device with udid … to enter recovery mode." /
/// "Device is successfully switching to recovery mode.") and leaving it (irecovery -n prints nothing and exits 0;
/// irecovery -m prints "Recovery Mode"), with the device's state kept in a file the fakes share.
/// </summary>
public sealed class RecoveryModeSwitchTests
{
    private const string Udid = FakeTools.TrustedUdid;

    private static readonly RecoverySwitchOptions s_fast = new(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));

    private static RecoveryModeSwitch Switch(FakeTools tools) => new(new ToolRunner(tools.Directory), TestKnowledge.Create(), TimeProvider.System, s_fast);

    private static string Entering(string udid) =>
        $"echo 'Telling device with udid {udid} to enter recovery mode.'; echo 'Device is successfully switching to recovery mode.'";

    [UnixFact]
    public async Task EnterAsync_TrustedDevice_EnteredConfirmedByIrecovery()
    {
        using var tools = FakeTools.TrustedIphone()
            .AddScript("ideviceenterrecovery", Udid, Entering(Udid))
            .AddScript("irecovery", "-m", "echo 'Recovery Mode'");

        var result = await Switch(tools).EnterAsync(null, null, CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.Entered, result.Status);
        var fact = Assert.Single(result.Facts);
        Assert.Equal(FactKeys.DeviceConnection, fact.Key);
        Assert.Equal("recovery", fact.Value);
        Assert.Contains("Recovery Mode", result.Evidence, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task EnterAsync_SwitchNeverShows_NotConfirmed()
    {
        using var tools = FakeTools.TrustedIphone()
            .AddScript("ideviceenterrecovery", Udid, Entering(Udid))
            .Add("irecovery", "-m", Capture.Load("irecovery-1.0.0-no-device") with { Command = "irecovery -m" });

        var result = await Switch(tools).EnterAsync(null, null, CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.NotConfirmed, result.Status);
        Assert.Empty(result.Facts);
    }

    [UnixFact]
    public async Task EnterAsync_ToolReportsFailure_Failed()
    {
        using var tools = FakeTools.TrustedIphone()
            .AddScript("ideviceenterrecovery", Udid, $"echo 'Telling device with udid {Udid} to enter recovery mode.'; echo 'Failed to enter recovery mode.'; exit 255");

        var result = await Switch(tools).EnterAsync(null, null, CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.Failed, result.Status);
    }

    [UnixFact]
    public async Task EnterAsync_LockedDevice_DeviceNotReadyToolNotRun()
    {
        using var temp = new TempFolder();
        var marker = Path.Combine(temp.Path, "ran");
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
            .Add("ideviceinfo", $"-u {Udid} -x", Capture.Load("ideviceinfo-master-locked"))
            .Add("ideviceinfo", $"-u {Udid} -s -x", Capture.Load("ideviceinfo-simple-untrusted-xml"))
            .AddScript("ideviceenterrecovery", "*", $"touch '{marker}'");

        var result = await Switch(tools).EnterAsync(null, null, CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.DeviceNotReady, result.Status);
        Assert.Equal(ConnectionState.Locked, result.Device.State);
        Assert.False(File.Exists(marker));
    }

    [UnixFact]
    public async Task EnterAsync_ToolNotInstalled_ToolMissing()
    {
        using var tools = FakeTools.TrustedIphone();

        var result = await Switch(tools).EnterAsync(null, null, CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.ToolMissing, result.Status);
    }

    [UnixFact]
    public async Task LeaveAsync_InRecovery_RebootsAndDeviceListedAgain()
    {
        using var temp = new TempFolder();
        var booted = Path.Combine(temp.Path, "booted");
        var recovery = Capture.Load("irecovery-recovery");
        using var tools = new FakeTools()
            .Add("irecovery", "-q", recovery)
            .AddScript("irecovery", "-n", $"touch '{booted}'")
            .AddScript("irecovery", "-m", $"if [ -f '{booted}' ]; then echo 'ERROR: Unable to connect to device' >&2; exit 255; else echo 'Recovery Mode'; fi")
            .AddScript("idevice_id", "-l", $"if [ -f '{booted}' ]; then echo '{Udid}'; fi");

        var result = await Switch(tools).LeaveAsync(CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.Left, result.Status);
        Assert.True(File.Exists(booted));
        Assert.Equal(ConnectionState.Recovery, result.Device.State);
        Assert.Equal("iPhone10,1", result.Device.Model!.ProductType);
    }

    [UnixFact]
    public async Task LeaveAsync_ComesBackToRecovery_BackInRecovery()
    {
        using var temp = new TempFolder();
        var count = Path.Combine(temp.Path, "count");
        using var tools = new FakeTools()
            .Add("irecovery", "-q", Capture.Load("irecovery-recovery"))
            .AddScript("irecovery", "-n", $"echo 0 > '{count}'")
            // Gone for one look (rebooting), then in recovery mode again: a recovery loop.
            .AddScript("irecovery", "-m", $"n=$(cat '{count}' 2>/dev/null || echo -1); echo $((n+1)) > '{count}'; if [ \"$n\" = 0 ]; then echo 'ERROR: Unable to connect to device' >&2; exit 255; else echo 'Recovery Mode'; fi")
            .AddScript("idevice_id", "-l", "exit 0");

        var result = await Switch(tools).LeaveAsync(CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.BackInRecovery, result.Status);
    }

    [UnixFact]
    public async Task LeaveAsync_InDfu_RefusedWithoutRunningNormal()
    {
        using var temp = new TempFolder();
        var marker = Path.Combine(temp.Path, "ran");
        using var tools = new FakeTools()
            .Add("irecovery", "-q", Capture.Load("irecovery-dfu"))
            .AddScript("irecovery", "-n", $"touch '{marker}'");

        var result = await Switch(tools).LeaveAsync(CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.InDfu, result.Status);
        Assert.False(File.Exists(marker));
    }

    [UnixFact]
    public async Task LeaveAsync_NoDeviceInRecovery_NotInRecovery()
    {
        using var tools = new FakeTools().Add("irecovery", "-q", Capture.Load("irecovery-1.0.0-no-device"));

        var result = await Switch(tools).LeaveAsync(CancellationToken.None);

        Assert.Equal(RecoverySwitchStatus.NotInRecovery, result.Status);
        Assert.Equal("ERROR: Unable to connect to device", result.Evidence);
    }

    [Theory]
    [InlineData("Recovery Mode\n", 0, RecoveryMode.Recovery)]
    [InlineData("DFU Mode\n", 0, RecoveryMode.Dfu)]
    [InlineData("Port DFU Mode\n", 0, RecoveryMode.PortDfu)]
    [InlineData("DFU Mode via Debug USB (KIS)\n", 0, RecoveryMode.Dfu)]
    [InlineData("WTF Mode\n", 0, RecoveryMode.Wtf)]
    [InlineData("", 255, null)]
    public void ModeLine_IrecoveryM_Mode(string stdout, int exit, RecoveryMode? expected) =>
        Assert.Equal(expected, RecoveryModeSwitch.ModeLine(new ToolOutput("irecovery", ["-m"], ToolRunStatus.Completed, exit, stdout, string.Empty)));
}
