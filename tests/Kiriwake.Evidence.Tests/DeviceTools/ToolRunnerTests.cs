using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class ToolRunnerTests
{
    private static readonly TimeSpan s_ample = TimeSpan.FromSeconds(20);

    [UnixFact]
    public async Task RunAsync_FakeTool_ExactStreamsAndExitCode()
    {
        using var tools = new FakeTools().Add("ideviceinfo", "-x", Capture.Load("ideviceinfo-master-locked"));
        var runner = new ToolRunner(tools.Directory);

        var output = await runner.RunAsync("ideviceinfo", ["-x"], s_ample, CancellationToken.None);

        Assert.Equal(ToolRunStatus.Completed, output.Status);
        Assert.Equal(255, output.ExitCode);
        Assert.Equal(string.Empty, output.Stdout);
        Assert.Equal("ERROR: Could not connect to lockdownd: Password protected (-17)\n", output.Stderr);
        Assert.Equal("ideviceinfo -x", output.CommandLine);
    }

    [UnixFact]
    public async Task RunAsync_ArgumentsWithSpaces_PassedIntact()
    {
        using var tools = new FakeTools().Add("ideviceinfo", "-x -q com.apple.mobile.battery", Capture.Load("ideviceinfo-battery-charging-xml"));
        var runner = new ToolRunner(tools.Directory);

        var output = await runner.RunAsync("ideviceinfo", ["-x", "-q", "com.apple.mobile.battery"], s_ample, CancellationToken.None);

        Assert.True(output.Succeeded);
        Assert.Equal(64, IdeviceInfoParser.ParseBattery(output.Stdout).Value.Percent);
    }

    [Fact]
    public async Task RunAsync_ToolNotOnPath_NotInstalledWithoutStarting()
    {
        var empty = Path.Combine(Path.GetTempPath(), "kiriwake-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            var output = await new ToolRunner(empty).RunAsync("idevice_id", ["-l"], s_ample, CancellationToken.None);

            Assert.Equal(ToolRunStatus.NotInstalled, output.Status);
            Assert.Equal(ConnectionState.ToolMissing, ConnectionStateClassifier.Classify(output)?.State);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [UnixFact]
    public async Task RunAsync_NotExecutableFile_NotInstalled()
    {
        using var tools = new FakeTools();
        File.WriteAllText(Path.Combine(tools.Directory, "irecovery"), "#!/bin/sh\necho hi\n");

        var output = await new ToolRunner(tools.Directory).RunAsync("irecovery", ["-q"], s_ample, CancellationToken.None);

        Assert.Equal(ToolRunStatus.NotInstalled, output.Status);
    }

    [UnixFact]
    public async Task RunAsync_ToolHangsPastTimeout_KilledTimedOutPartialOutputKept()
    {
        using var tools = new FakeTools().AddHanging("ideviceinfo", "-x");
        var runner = new ToolRunner(tools.Directory);

        var output = await runner.RunAsync("ideviceinfo", ["-x"], TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.Equal(ToolRunStatus.TimedOut, output.Status);
        Assert.Equal("started\n", output.Stdout);
        Assert.DoesNotContain("finished", output.Stdout, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task RunAsync_CancelledByCaller_ThrowsAndKills()
    {
        using var tools = new FakeTools().AddHanging("irecovery", "-q");
        var runner = new ToolRunner(tools.Directory);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => runner.RunAsync("irecovery", ["-q"], s_ample, cancellation.Token));
    }
}
