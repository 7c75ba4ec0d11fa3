using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class IdeviceInfoParserTests
{
    [Theory]
    [InlineData("ideviceinfo-root-limd")]
    [InlineData("ideviceinfo-root-limd-1.3.0")]
    public void Parse_KeyValueForm_SameValuesAsXml(string keyValueCapture)
    {
        var xml = IdeviceInfoParser.Parse(Capture.Load("ideviceinfo-root-xml").Stdout);
        var keyValue = IdeviceInfoParser.Parse(Capture.Load(keyValueCapture).Stdout);

        Assert.Empty(xml.Warnings);
        Assert.Empty(keyValue.Warnings);
        Assert.Equal(xml.Value.All.OrderBy(kv => kv.Key, StringComparer.Ordinal), keyValue.Value.All.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ideviceinfo-root-xml")]
    [InlineData("ideviceinfo-root-limd")]
    [InlineData("ideviceinfo-root-limd-1.3.0")]
    public void ParseIdentity_RootDomain_ReadsModelVersionAndNames(string capture)
    {
        var identity = IdeviceInfoParser.ParseIdentity(Capture.Load(capture).Stdout).Value;

        Assert.True(identity.Available);
        Assert.Equal("iPhone12,8", identity.ProductType);
        Assert.Equal("17.5.1", identity.ProductVersion);
        Assert.Equal("21F90", identity.BuildVersion);
        Assert.Equal("Hanako: iPhone", identity.DeviceName);
        Assert.Equal("iPhone", identity.DeviceClass);
        Assert.True(identity.PasswordProtected);
    }

    [Theory]
    [InlineData("ideviceinfo-root-xml")]
    [InlineData("ideviceinfo-root-limd")]
    [InlineData("ideviceinfo-root-limd-1.3.0")]
    public void Parse_NestedDictionaryArrayDataAndColons_FlattenedToPaths(string capture)
    {
        var values = IdeviceInfoParser.Parse(Capture.Load(capture).Stdout).Value;

        Assert.Equal("1", values.GetString("SupportedDeviceFamilies/0"));
        Assert.Equal("dHJ1ZQ==", values.GetString("NonVolatileRAM/auto-boot"));
        Assert.Equal("a4:83:e7:12:34:56", values.GetString("WiFiAddress"));
        Assert.Equal(7357911234567890, values.GetInt64("UniqueChipID"));
    }

    [Theory]
    [InlineData("ideviceinfo-disk-usage-low-xml", 4213813248L, 9876543488L, 64000000000L)]
    [InlineData("ideviceinfo-disk-usage-low-limd", 4213813248L, 9876543488L, 64000000000L)]
    [InlineData("ideviceinfo-disk-usage-ample-no-amount-xml", 30700000000L, 30700000000L, 128000000000L)]
    public void ParseDiskUsage_Domain_ConservativeFreeFigure(string capture, long free, long totalAvailable, long capacity)
    {
        var disk = IdeviceInfoParser.ParseDiskUsage(Capture.Load(capture).Stdout).Value;

        Assert.True(disk.Available);
        Assert.Equal(free, disk.FreeBytes);
        Assert.Equal(totalAvailable, disk.TotalDataAvailable);
        Assert.Equal(capacity, disk.TotalDiskCapacity);
    }

    [Theory]
    [InlineData("ideviceinfo-battery-charging-xml", 64, true, true)]
    [InlineData("ideviceinfo-battery-unplugged-xml", 38, false, false)]
    [InlineData("ideviceinfo-battery-unplugged-limd", 38, false, false)]
    [InlineData("ideviceinfo-battery-full-on-charger-xml", 100, false, true)]
    public void ParseBattery_Domain_PercentChargingAndPower(string capture, int percent, bool charging, bool onPower)
    {
        var battery = IdeviceInfoParser.ParseBattery(Capture.Load(capture).Stdout).Value;

        Assert.Equal(percent, battery.Percent);
        Assert.Equal(charging, battery.IsCharging);
        Assert.Equal(onPower, battery.OnPower);
    }

    [Theory]
    [InlineData("ideviceinfo-backup-encrypted-xml", true, null)]
    [InlineData("ideviceinfo-backup-unencrypted-xml", false, null)]
    [InlineData("ideviceinfo-backup-mdm-required-xml", true, true)]
    public void ParseBackup_Domain_WillEncryptAndRequiredByManagement(string capture, bool willEncrypt, bool? required)
    {
        var backup = IdeviceInfoParser.ParseBackup(Capture.Load(capture).Stdout).Value;

        Assert.Equal(willEncrypt, backup.WillEncrypt);
        Assert.Equal(required, backup.RequiresEncryption);
    }

    [Theory]
    [InlineData("ideviceinfo-chaperone-supervised-xml", true)]
    [InlineData("ideviceinfo-chaperone-unsupervised-xml", false)]
    public void ParseSupervision_Domain_ReadsChaperoned(string capture, bool supervised) =>
        Assert.Equal(supervised, IdeviceInfoParser.ParseSupervision(Capture.Load(capture).Stdout).Value.Supervised);

    [Theory]
    [InlineData("ideviceinfo-master-domain-unavailable")]
    [InlineData("ideviceinfo-master-unknown-domain")]
    public void ParseBattery_EmptyStdout_UnavailableWithNullsNotZeros(string capture)
    {
        var outcome = IdeviceInfoParser.ParseBattery(Capture.Load(capture).Stdout);

        Assert.False(outcome.Value.Available);
        Assert.Null(outcome.Value.Percent);
        Assert.Null(outcome.Value.OnPower);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void Parse_TruncatedXml_WarningAndNoValues()
    {
        var stdout = Capture.Load("ideviceinfo-root-xml").Stdout;
        var truncated = stdout[..(stdout.Length / 2)] + "</plist>";

        var outcome = IdeviceInfoParser.Parse(truncated);

        Assert.True(outcome.Value.IsEmpty);
        Assert.Equal("xml-malformed", Assert.Single(outcome.Warnings).Code);
    }

    [Fact]
    public void Parse_XmlWithoutPlistEnd_WarningAndNoValues()
    {
        var outcome = IdeviceInfoParser.Parse("<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n");

        Assert.True(outcome.Value.IsEmpty);
        Assert.Equal("xml-incomplete", Assert.Single(outcome.Warnings).Code);
    }

    [Fact]
    public void Parse_XmlWithDoctypeEntity_EntityNotExpanded()
    {
        // DTD processing is off: an entity declared in an internal subset must not be resolved or expanded.
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE plist [<!ENTITY boom \"BOOM\">]>\n<plist version=\"1.0\"><dict><key>ProductType</key><string>iPhone12,8</string></dict></plist>\n";

        var outcome = IdeviceInfoParser.ParseIdentity(xml);

        Assert.Equal("iPhone12,8", outcome.Value.ProductType);
    }

    [Fact]
    public void Parse_KeyValueWithStrayLine_KeepsOtherValuesAndWarnsWithLine()
    {
        var outcome = IdeviceInfoParser.Parse("ProductType: iPhone9,3\nthis line has no key\nProductVersion: 15.8.3\n");

        Assert.Equal("iPhone9,3", outcome.Value.GetString("ProductType"));
        Assert.Equal("15.8.3", outcome.Value.GetString("ProductVersion"));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("stray-line", 2), (warning.Code, warning.Line));
    }

    [Fact]
    public void Parse_KeyValueEmptyString_IsValueNotContainer()
    {
        var values = IdeviceInfoParser.Parse("DeviceName: \nProductType: iPhone10,3\n").Value;

        Assert.Equal(string.Empty, values.GetString("DeviceName"));
        Assert.Equal("iPhone10,3", values.GetString("ProductType"));
    }
}
