using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class DeviceFactsBuilderTests
{
    private const string Udid = "00008030-001A2D3C0E12802E";

    [Fact]
    public void Build_TrustedDevice_EveryFactWithItsCommand()
    {
        var device = DeviceFactsBuilder.Build(Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-unplugged-xml", "ideviceinfo-backup-encrypted-xml"), null);

        Assert.Equal(ConnectionState.Connected, device.State);
        Assert.Equal(new Dictionary<string, string>
        {
            [FactKeys.DeviceConnection] = "connected",
            [FactKeys.DeviceConnected] = "true",
            [FactKeys.DeviceProductType] = "iPhone12,8",
            [FactKeys.DeviceButtonFamily] = "iphone-no-home",
            [FactKeys.DeviceIosVersion] = "17.5.1",
            [FactKeys.DeviceFreeBytes] = "4213813248",
            [FactKeys.DeviceStorageLow] = "true",
            [FactKeys.DeviceBatteryPercent] = "38",
            [FactKeys.DeviceCharging] = "false",
            [FactKeys.DeviceBackupEncryption] = "true",
        }, device.Facts.ToDictionary(f => f.Key, f => f.Value));
        Assert.All(device.Facts, f => Assert.Equal(FactSourceKind.Device, f.Source.Kind));
        var charging = device.Facts.Single(f => f.Key == FactKeys.DeviceCharging);
        Assert.Equal("ideviceinfo -u " + Udid + " -x -q com.apple.mobile.battery", charging.Source.Origin);
        Assert.Equal("BatteryIsCharging = false, ExternalConnected = false", charging.Detail);
    }

    [Fact]
    public void Build_AmpleStorageOnCharger_NotLowAndCharging()
    {
        var device = DeviceFactsBuilder.Build(Connected("ideviceinfo-disk-usage-ample-no-amount-xml", "ideviceinfo-battery-full-on-charger-xml", "ideviceinfo-backup-unencrypted-xml"), null);

        Assert.Equal("false", Fact(device, FactKeys.DeviceStorageLow));
        Assert.Equal("30700000000", Fact(device, FactKeys.DeviceFreeBytes));
        Assert.Equal("true", Fact(device, FactKeys.DeviceCharging));
        Assert.Equal("false", Fact(device, FactKeys.DeviceBackupEncryption));
    }

    [Fact]
    public void Build_ThresholdOption_DecidesStorageLow()
    {
        var capture = Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-encrypted-xml");

        var device = DeviceFactsBuilder.Build(capture, null, new DeviceFactsOptions(StorageLowThresholdBytes: 4_000_000_000));

        Assert.Equal("false", Fact(device, FactKeys.DeviceStorageLow));
    }

    [Fact]
    public void Build_DomainsUnreadable_NoFactsInventedForThem()
    {
        var capture = Connected("ideviceinfo-master-domain-unavailable", "ideviceinfo-master-domain-unavailable", "ideviceinfo-master-domain-unavailable");

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.Connected, device.State);
        Assert.DoesNotContain(device.Facts, f => f.Key is FactKeys.DeviceFreeBytes or FactKeys.DeviceStorageLow or FactKeys.DeviceCharging
            or FactKeys.DeviceBatteryPercent or FactKeys.DeviceBackupEncryption);
        Assert.Null(device.StorageLow);
    }

    [Theory]
    [InlineData("ideviceinfo-master-trust-pending", ConnectionState.TrustPending)]
    [InlineData("ideviceinfo-master-locked", ConnectionState.Locked)]
    [InlineData("ideviceinfo-master-denied", ConnectionState.Denied)]
    [InlineData("ideviceinfo-master-stale-pairing", ConnectionState.StalePairing)]
    public void Build_LockdownRefused_StateNotConnectedAndModelFromSimpleQuery(string infoCapture, ConnectionState state)
    {
        var capture = new DeviceCapture(Run("idevice_id-two-devices"), Run(infoCapture), Run("ideviceinfo-simple-untrusted-xml"), null, null, null, null, null, null);

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(state, device.State);
        Assert.Equal(state.FactValue(), Fact(device, FactKeys.DeviceConnection));
        // The device shows up on the computer but is not a working connection: no device.connected either way.
        Assert.Null(Fact(device, FactKeys.DeviceConnected));
        Assert.Equal("iPhone12,8", Fact(device, FactKeys.DeviceProductType));
        Assert.Equal("iphone-no-home", Fact(device, FactKeys.DeviceButtonFamily));
        Assert.Equal(2, device.DevicesListed);
    }

    [Theory]
    [InlineData("idevice_id-1.3.0-no-device", "irecovery-1.0.0-no-device")]
    [InlineData("idevice_id-1.3.0-no-usbmuxd", "irecovery-1.0.0-no-device")]
    [InlineData("idevice_id-1.3.0-no-device", "irecovery-master-no-device")]
    public void Build_NothingAttached_NoDevice(string list, string recovery)
    {
        var device = DeviceFactsBuilder.Build(new DeviceCapture(Run(list), null, null, null, null, null, null, null, Run(recovery)), null);

        Assert.Equal(ConnectionState.NoDevice, device.State);
        Assert.Equal(["no-device", "false"], device.Facts.Select(f => f.Value));
    }

    [Theory]
    [InlineData("irecovery-recovery", ConnectionState.Recovery)]
    [InlineData("irecovery-dfu", ConnectionState.Dfu)]
    [InlineData("irecovery-port-dfu", ConnectionState.Dfu)]
    [InlineData("irecovery-dfu-kis", ConnectionState.Dfu)]
    [InlineData("irecovery-wtf", ConnectionState.Dfu)]
    public void Build_DeviceOnlyVisibleToIrecovery_ModeAndModel(string recovery, ConnectionState state)
    {
        var capture = new DeviceCapture(Run("idevice_id-1.3.0-no-device"), null, null, null, null, null, null, null, Run(recovery));

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(state, device.State);
        Assert.Equal(state.FactValue(), Fact(device, FactKeys.DeviceConnection));
        Assert.DoesNotContain(device.Facts, f => f.Key == FactKeys.DeviceConnected);
        Assert.NotNull(device.Model?.Name);
        Assert.Equal(device.Recovery.ProductType, Fact(device, FactKeys.DeviceProductType));
    }

    [Fact]
    public void Build_ToolsNotInstalled_ToolMissingOnly()
    {
        var capture = new DeviceCapture(ToolOutput.NotInstalled("idevice_id", ["-l"]), null, null, null, null, null, null, null, ToolOutput.NotInstalled("irecovery", ["-q"]));

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.ToolMissing, device.State);
        var fact = Assert.Single(device.Facts);
        Assert.Equal((FactKeys.DeviceConnection, "tool-missing"), (fact.Key, fact.Value));
    }

    [Fact]
    public void Build_SupervisedOrEncryptionRequired_Managed()
    {
        var supervised = Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-encrypted-xml") with
        {
            Supervision = Run("ideviceinfo-chaperone-supervised-xml"),
        };
        var required = Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-mdm-required-xml");
        var unsupervised = Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-encrypted-xml") with
        {
            Supervision = Run("ideviceinfo-chaperone-unsupervised-xml"),
        };

        Assert.Equal("true", Fact(DeviceFactsBuilder.Build(supervised, null), FactKeys.DeviceManaged));
        Assert.Equal("true", Fact(DeviceFactsBuilder.Build(required, null), FactKeys.DeviceManaged));
        // Not supervised does not prove unmanaged (an MDM-enrolled personal device is not supervised): no fact.
        Assert.DoesNotContain(DeviceFactsBuilder.Build(unsupervised, null).Facts, f => f.Key == FactKeys.DeviceManaged);
    }

    [Fact]
    public void Build_ModelTable_NameFromTable()
    {
        var models = new Dictionary<string, DeviceModel>(StringComparer.OrdinalIgnoreCase)
        {
            ["iPhone12,8"] = new("iPhone12,8", "iPhone SE (2nd generation)", ButtonFamily.IphoneNoHome),
        };

        var device = DeviceFactsBuilder.Build(Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-encrypted-xml"), models);

        Assert.Equal("iPhone SE (2nd generation)", device.Model?.Name);
        Assert.EndsWith("(model table)", device.Facts.Single(f => f.Key == FactKeys.DeviceButtonFamily).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BatteryHealthCaptured_Read()
    {
        var capture = Connected("ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-encrypted-xml") with
        {
            BatteryHealth = Run("idevicediagnostics-smartbattery-worn"),
        };

        Assert.Equal(76, DeviceFactsBuilder.Build(capture, null).BatteryHealth.HealthPercent);
    }

    internal static DeviceCapture Connected(string disk, string battery, string backup) => new(
        Run("idevice_id-two-devices"),
        Run("ideviceinfo-root-xml") with { Arguments = ["-u", Udid, "-x"] },
        null,
        Run(disk) with { Arguments = ["-u", Udid, "-x", "-q", DeviceProbe.DiskUsageDomain] },
        Run(battery) with { Arguments = ["-u", Udid, "-x", "-q", DeviceProbe.BatteryDomain] },
        Run(backup) with { Arguments = ["-u", Udid, "-x", "-q", DeviceProbe.BackupDomain] },
        null,
        null,
        null);

    private static ToolOutput Run(string capture) => Capture.Load(capture).ToOutput();

    private static string? Fact(DeviceFacts device, string key) => device.Facts.SingleOrDefault(f => f.Key == key)?.Value;
}
