using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class IdeviceDiagnosticsParserTests
{
    [Fact]
    public void Parse_SmartBatteryEntry_CyclesCapacitiesAndHealth()
    {
        var outcome = IdeviceDiagnosticsParser.Parse(Capture.Load("idevicediagnostics-smartbattery-worn").Stdout);

        Assert.Empty(outcome.Warnings);
        var health = outcome.Value;
        Assert.True(health.Available);
        Assert.Equal(612, health.CycleCount);
        Assert.Equal(1821, health.DesignCapacity);
        Assert.Equal(1392, health.FullChargeCapacity);
        Assert.Equal(76, health.HealthPercent);
    }

    [Fact]
    public void Parse_OnlyRawMaxCapacity_UsedForHealth()
    {
        var xml = "<plist version=\"1.0\"><dict><key>IORegistry</key><dict><key>DesignCapacity</key><integer>2000</integer><key>AppleRawMaxCapacity</key><integer>1700</integer></dict></dict></plist>";

        Assert.Equal(85, IdeviceDiagnosticsParser.Parse(xml).Value.HealthPercent);
    }

    [Theory]
    [InlineData("idevicediagnostics-1.3.0-no-device")]
    [InlineData("idevicediagnostics-lockdown-locked")]
    [InlineData("idevicediagnostics-no-ioregistry")]
    public void Parse_ErrorCaptures_NoneWithWarning(string capture)
    {
        var outcome = IdeviceDiagnosticsParser.Parse(Capture.Load(capture).Stdout);

        Assert.False(outcome.Value.Available);
        Assert.Null(outcome.Value.HealthPercent);
        Assert.Equal("not-a-plist", Assert.Single(outcome.Warnings).Code);
    }
}
