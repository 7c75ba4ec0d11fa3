using Kiriwake.Core.Facts;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>The whole look at a device, with fake tools on the runner's search path.</summary>
public sealed class DeviceProbeTests
{
    private const string Udid = "00008030-001A2D3C0E12802E";
    private const string Other = "3f1e2d4c5b6a79880716253443526170819a0b1c";

    [UnixFact]
    public async Task CaptureAsync_TrustedDevice_QueriesEveryDomainAndBuildsFacts()
    {
        using var tools = FakeTools.TrustedIphone("idevicediagnostics-smartbattery-worn");

        var capture = await new DeviceProbe(new ToolRunner(tools.Directory)).CaptureAsync(CancellationToken.None);
        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.Connected, device.State);
        Assert.Null(capture.Recovery);
        Assert.Equal(Udid, device.Udid);
        Assert.Equal("17.5.1", Fact(device, FactKeys.DeviceIosVersion));
        Assert.Equal("true", Fact(device, FactKeys.DeviceStorageLow));
        Assert.Equal("false", Fact(device, FactKeys.DeviceCharging));
        Assert.Equal("true", Fact(device, FactKeys.DeviceBackupEncryption));
        Assert.Equal(76, device.BatteryHealth.HealthPercent);
        Assert.Empty(device.Warnings);
    }

    [UnixFact]
    public async Task CaptureAsync_UdidOption_QueriesThatDevice()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
            .Add("ideviceinfo", $"-u {Other} -x", Capture.Load("ideviceinfo-master-denied"))
            .Add("ideviceinfo", $"-u {Other} -s -x", Capture.Load("ideviceinfo-master-denied"));

        var capture = await new DeviceProbe(new ToolRunner(tools.Directory), new DeviceProbeOptions(Udid: Other)).CaptureAsync(CancellationToken.None);

        Assert.Equal(ConnectionState.Denied, DeviceFactsBuilder.Build(capture, null).State);
    }

    [UnixFact]
    public async Task CaptureAsync_TrustPending_SimpleQueryGivesModelAndNoDomainsRun()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
            .Add("ideviceinfo", $"-u {Udid} -x", Capture.Load("ideviceinfo-master-trust-pending"))
            .Add("ideviceinfo", $"-u {Udid} -s -x", Capture.Load("ideviceinfo-simple-untrusted-xml"));

        var capture = await new DeviceProbe(new ToolRunner(tools.Directory)).CaptureAsync(CancellationToken.None);
        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.TrustPending, device.State);
        Assert.Null(capture.DiskUsage);
        Assert.Equal("iphone-no-home", Fact(device, FactKeys.DeviceButtonFamily));
        Assert.Equal("ERROR: Could not connect to lockdownd: Pairing dialog response pending (-19)", device.Evidence?.Line);
    }

    [UnixFact]
    public async Task CaptureAsync_NoDeviceListed_AsksIrecoveryAndFindsDfu()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-1.3.0-no-device"))
            .Add("irecovery", "-q", Capture.Load("irecovery-dfu"));

        var device = DeviceFactsBuilder.Build(await new DeviceProbe(new ToolRunner(tools.Directory)).CaptureAsync(CancellationToken.None), null);

        Assert.Equal(ConnectionState.Dfu, device.State);
        Assert.Equal("iPhone10,1", Fact(device, FactKeys.DeviceProductType));
    }

    [UnixFact]
    public async Task CaptureAsync_NothingAttached_NoDevice()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-1.3.0-no-usbmuxd"))
            .Add("irecovery", "-q", Capture.Load("irecovery-1.0.0-no-device"));

        var device = DeviceFactsBuilder.Build(await new DeviceProbe(new ToolRunner(tools.Directory)).CaptureAsync(CancellationToken.None), null);

        Assert.Equal(ConnectionState.NoDevice, device.State);
        Assert.Equal("ERROR: Unable to retrieve device list!", device.Evidence?.Line);
    }

    [UnixFact]
    public async Task CaptureAsync_LibimobiledeviceMissingIrecoveryPresent_StillFindsRecovery()
    {
        using var tools = new FakeTools().Add("irecovery", "-q", Capture.Load("irecovery-recovery"));

        var device = DeviceFactsBuilder.Build(await new DeviceProbe(new ToolRunner(tools.Directory)).CaptureAsync(CancellationToken.None), null);

        Assert.Equal(ConnectionState.Recovery, device.State);
    }

    [UnixFact]
    public async Task CaptureAsync_NoToolsAtAll_ToolMissing()
    {
        using var tools = new FakeTools();

        var device = DeviceFactsBuilder.Build(await new DeviceProbe(new ToolRunner(tools.Directory)).CaptureAsync(CancellationToken.None), null);

        Assert.Equal(ConnectionState.ToolMissing, device.State);
    }

    [UnixFact]
    public async Task CaptureAsync_InfoHangs_TimedOutState()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
            .AddHanging("ideviceinfo", "*");
        var options = new DeviceProbeOptions(Timeout: TimeSpan.FromSeconds(1));

        var device = DeviceFactsBuilder.Build(await new DeviceProbe(new ToolRunner(tools.Directory), options).CaptureAsync(CancellationToken.None), null);

        Assert.Equal(ConnectionState.TimedOut, device.State);
        Assert.DoesNotContain(device.Facts, f => f.Key == FactKeys.DeviceConnected);
    }

    private static string? Fact(DeviceFacts device, string key) => device.Facts.SingleOrDefault(f => f.Key == key)?.Value;
}
