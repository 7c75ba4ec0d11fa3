using System.Text.Json;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Device;

/// <summary>`kiriwake device` against fake tools (scripts printing captured runs) and the real knowledge base.</summary>
public sealed class DeviceCommandTests
{
    private const string Udid = "00008030-001A2D3C0E12802E";

    [UnixFact]
    public async Task Device_TrustedDeviceJson_FactsWithSourcesAndImplications()
    {
        using var tools = Trusted();

        var result = await CliRunner.RunAsync("device", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--format", "json", "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("connected", root.GetProperty("state").GetString());
        var device = root.GetProperty("device");
        Assert.Equal("iPhone SE (2nd generation)", device.GetProperty("name").GetString());
        Assert.Equal("iphone-no-home", device.GetProperty("buttonFamily").GetString());
        Assert.Equal("table", device.GetProperty("familySource").GetString());
        var facts = root.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("true", facts["device.storage-low"]);
        Assert.Equal("false", facts["device.charging"]);
        Assert.Equal("true", facts["device.backup-encryption"]);
        Assert.All(root.GetProperty("facts").EnumerateArray(), f => Assert.Equal("device", f.GetProperty("source").GetString()));
        var implications = root.GetProperty("implications").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains("storage-low", implications);
        Assert.Contains("not-on-power", implications);
    }

    [UnixFact]
    public async Task Device_TrustedDeviceText_ShowsModelStorageAndMeaningEscaped()
    {
        using var tools = Trusted();

        var result = await CliRunner.RunAsync("device", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("iPhone SE (2nd generation) (iPhone12,8)", result.Out, StringComparison.Ordinal);
        Assert.Contains("about 4.2 GB (up to 9.9 GB) of 64.0 GB", result.Out, StringComparison.Ordinal);
        Assert.Contains("iCloud's automatic backup will not run", result.Out, StringComparison.Ordinal);
        Assert.Contains("Looking at the device", result.Error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Device_TrustPendingJapanese_TapTrustAndFailureExit()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
            .Add("ideviceinfo", $"-u {Udid} -x", Capture.Load("ideviceinfo-master-trust-pending"))
            .Add("ideviceinfo", $"-u {Udid} -s -x", Capture.Load("ideviceinfo-simple-untrusted-xml"));

        var result = await CliRunner.RunAsync("device", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("「このコンピュータを信頼しますか?」", result.Out, StringComparison.Ordinal);
        Assert.Contains("「信頼」をタップ", result.Out, StringComparison.Ordinal);
        Assert.Contains("(-19)", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Device_NoToolsInstalled_ToolMissingWithInstallCommands()
    {
        using var tools = new FakeTools();

        var result = await CliRunner.RunAsync("device", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--format", "json", "--lang", "en");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("tool-missing", json.RootElement.GetProperty("state").GetString());
        var fix = string.Join("\n", json.RootElement.GetProperty("fix").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("apt-get install libimobiledevice-utils irecovery", fix, StringComparison.Ordinal);
        Assert.Contains("brew install libimobiledevice libirecovery", fix, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Device_DeviceNameWithMarkup_PrintedLiterally()
    {
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-1.3.0-no-device"))
            .Add("irecovery", "-q", Capture.Load("irecovery-recovery") with { Stdout = "MODE: Recovery\nPRODUCT: iPhone99,1\nNAME: [red]evil[/]\n" });

        var result = await CliRunner.RunAsync("device", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("[red]evil[/]", result.Out, StringComparison.Ordinal);
        Assert.Contains("(to confirm)", result.Out, StringComparison.Ordinal);
    }

    private static FakeTools Trusted() => FakeTools.TrustedIphone();
}
