using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class IrecoveryParserTests
{
    [Theory]
    [InlineData("irecovery-recovery", RecoveryMode.Recovery, "Recovery", "iPhone10,1", "d20ap", "iPhone 8")]
    [InlineData("irecovery-dfu", RecoveryMode.Dfu, "DFU", "iPhone10,1", "d20ap", "iPhone 8")]
    [InlineData("irecovery-dfu-pwned", RecoveryMode.Dfu, "DFU", "iPhone10,1", "d20ap", "iPhone 8")]
    [InlineData("irecovery-port-dfu", RecoveryMode.PortDfu, "Port DFU", "iPhone16,1", "d83ap", "iPhone 15 Pro")]
    [InlineData("irecovery-dfu-kis", RecoveryMode.Dfu, "DFU via Debug USB (KIS)", "iPhone14,5", "d17ap", "iPhone 13")]
    [InlineData("irecovery-wtf", RecoveryMode.Wtf, "WTF", "iPhone3,1", "n90ap", "iPhone 4 (GSM)")]
    public void Parse_QueryOutput_ModeAndModel(string capture, RecoveryMode mode, string modeText, string product, string model, string name)
    {
        var outcome = IrecoveryParser.Parse(Capture.Load(capture).Stdout);

        Assert.Empty(outcome.Warnings);
        var info = outcome.Value;
        Assert.True(info.Found);
        Assert.Equal(mode, info.Mode);
        Assert.Equal(modeText, info.ModeText);
        Assert.Equal(product, info.ProductType);
        Assert.Equal(model, info.HardwareModel);
        Assert.Equal(name, info.Name);
    }

    [Fact]
    public void Parse_ChipId_ReadFromHex()
    {
        Assert.Equal(0x8015, IrecoveryParser.Parse(Capture.Load("irecovery-recovery").Stdout).Value.ChipId);
    }

    [Fact]
    public void Parse_ModelLineWithoutModeLine_ModeUnknownNotTakenFromModel()
    {
        // A prefix match on "MODE" would read "MODEL: d20ap" as the mode (Legacy-iOS-Kit PR #109).
        var outcome = IrecoveryParser.Parse("CPID: 0x8015\nECID: 0x001A2D3C0E12802E\nPRODUCT: iPhone10,1\nMODEL: d20ap\n");

        Assert.True(outcome.Value.Found);
        Assert.Equal(RecoveryMode.Unknown, outcome.Value.Mode);
        Assert.Null(outcome.Value.ModeText);
        Assert.Contains(outcome.Warnings, w => w.Code == "no-mode-line");
    }

    [Theory]
    [InlineData("irecovery-1.0.0-no-device")]
    [InlineData("irecovery-master-no-device")]
    public void Parse_NoDeviceCaptures_NotFound(string capture)
    {
        var outcome = IrecoveryParser.Parse(Capture.Load(capture).Stdout);

        Assert.False(outcome.Value.Found);
        Assert.Empty(outcome.Warnings);
    }
}
