using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class DeviceImplicationsTests
{
    [Fact]
    public void For_LowStorageUnpluggedEncrypted_EachImplication()
    {
        var device = DeviceFactsBuilder.Build(DeviceFactsBuilderTests.Connected(
            "ideviceinfo-disk-usage-low-xml", "ideviceinfo-battery-unplugged-xml", "ideviceinfo-backup-encrypted-xml"), null);

        var implications = DeviceImplications.For(device);

        Assert.Equal(["several-devices", "storage-low", "not-on-power", "battery-low-for-update", "backup-encrypted"], implications.Select(i => i.Id));
        Assert.Contains("4.2 GB", implications.Single(i => i.Id == "storage-low").Text.En, StringComparison.Ordinal);
        Assert.Contains("38%", implications.Single(i => i.Id == "battery-low-for-update").Text.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AmpleStorageOnCharger_NoStorageOrPowerImplication()
    {
        var device = DeviceFactsBuilder.Build(DeviceFactsBuilderTests.Connected(
            "ideviceinfo-disk-usage-ample-no-amount-xml", "ideviceinfo-battery-full-on-charger-xml", "ideviceinfo-backup-unencrypted-xml"), null);

        var ids = DeviceImplications.For(device).Select(i => i.Id).ToList();

        Assert.DoesNotContain("storage-low", ids);
        Assert.DoesNotContain("not-on-power", ids);
        Assert.Contains("backup-not-encrypted", ids);
    }

    [Fact]
    public void For_WornBatteryAndSupervised_BothSaid()
    {
        var capture = DeviceFactsBuilderTests.Connected("ideviceinfo-disk-usage-ample-no-amount-xml", "ideviceinfo-battery-charging-xml", "ideviceinfo-backup-encrypted-xml") with
        {
            Supervision = Capture.Load("ideviceinfo-chaperone-supervised-xml").ToOutput(),
            BatteryHealth = Capture.Load("idevicediagnostics-smartbattery-worn").ToOutput(),
        };

        var ids = DeviceImplications.For(DeviceFactsBuilder.Build(capture, null)).Select(i => i.Id).ToList();

        Assert.Contains("battery-worn", ids);
        Assert.Contains("managed", ids);
    }

    [Fact]
    public void For_UnlistedModel_AsksToConfirmButtons()
    {
        var capture = new DeviceCapture(
            Capture.Load("idevice_id-1.3.0-no-device").ToOutput(), null, null, null, null, null, null, null,
            new ToolOutput("irecovery", ["-q"], ToolRunStatus.Completed, 0, "MODE: Recovery\nPRODUCT: iPhone19,2\n", string.Empty));

        var implications = DeviceImplications.For(DeviceFactsBuilder.Build(capture, null));

        Assert.Contains(implications, i => i.Id == "confirm-button-family" && i.Text.En.Contains("iPhone19,2", StringComparison.Ordinal));
    }

    [Fact]
    public void For_NoDeviceWithoutIrecovery_SaysRecoveryWasNotChecked()
    {
        var capture = new DeviceCapture(Capture.Load("idevice_id-1.3.0-no-device").ToOutput(), null, null, null, null, null, null, null,
            ToolOutput.NotInstalled("irecovery", ["-q"]));

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.NoDevice, device.State);
        Assert.Equal(["recovery-not-checked"], DeviceImplications.For(device).Select(i => i.Id));
    }

    [Fact]
    public void Texts_EveryStateAndInstallHelp_JapaneseAndEnglish()
    {
        var texts = new List<LocalizedText>();
        foreach (var state in Enum.GetValues<ConnectionState>())
        {
            texts.Add(ConnectionStateText.Title(state));
            texts.AddRange(ConnectionStateText.Fix(state));
            if (state != ConnectionState.Connected)
            {
                Assert.NotEmpty(ConnectionStateText.Fix(state));
            }
        }

        texts.AddRange(ToolInstallHelp.Steps);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Ja));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
            Assert.NotEqual(t.Ja, t.En);
        });
    }

    [Fact]
    public void InstallHelp_ToolMissing_NamesThePackagesOfEverySystem()
    {
        var english = string.Join("\n", ConnectionStateText.Fix(ConnectionState.ToolMissing).Select(t => t.En));

        Assert.Contains("apt-get install libimobiledevice-utils irecovery", english, StringComparison.Ordinal);
        Assert.Contains("brew install libimobiledevice libirecovery", english, StringComparison.Ordinal);
        Assert.Contains("Windows", english, StringComparison.Ordinal);
    }
}
