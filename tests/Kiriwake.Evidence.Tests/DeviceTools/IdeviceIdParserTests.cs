using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class IdeviceIdParserTests
{
    [Fact]
    public void Parse_TwoUdidForms_BothListed()
    {
        var outcome = IdeviceIdParser.Parse(Capture.Load("idevice_id-two-devices").Stdout);

        Assert.Empty(outcome.Warnings);
        Assert.Equal(["00008030-001A2D3C0E12802E", "3f1e2d4c5b6a79880716253443526170819a0b1c"], outcome.Value.Select(d => d.Udid));
    }

    [Fact]
    public void Parse_WithConnectionSuffix_ReadsLink()
    {
        var devices = IdeviceIdParser.Parse(Capture.Load("idevice_id-with-link").Stdout).Value;

        Assert.Equal([DeviceLink.Usb, DeviceLink.Network], devices.Select(d => d.Link));
        Assert.Equal("00008110-000E44540A2A801E", devices[1].Udid);
    }

    [Fact]
    public void Parse_RealNoDeviceCapture_EmptyListNoWarnings()
    {
        var outcome = IdeviceIdParser.Parse(Capture.Load("idevice_id-1.3.0-no-device").Stdout);

        Assert.Empty(outcome.Value);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void Parse_LineThatIsNoUdid_WarnedAndSkipped()
    {
        var outcome = IdeviceIdParser.Parse("ERROR: Unable to retrieve device list!\n00008030-001A2D3C0E12802E\n");

        Assert.Equal("00008030-001A2D3C0E12802E", Assert.Single(outcome.Value).Udid);
        Assert.Equal(("not-a-udid", 1), (outcome.Warnings[0].Code, outcome.Warnings[0].Line));
    }
}
