using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class ConnectionStateClassifierTests
{
    public static TheoryData<string, ConnectionState, int?> ErrorCaptures => new()
    {
        { "idevice_id-1.3.0-no-usbmuxd", ConnectionState.NoDevice, null },
        { "ideviceinfo-1.3.0-no-device", ConnectionState.NoDevice, null },
        { "idevicediagnostics-1.3.0-no-device", ConnectionState.NoDevice, null },
        { "idevicepair-1.3.0-no-device", ConnectionState.NoDevice, null },
        { "irecovery-1.0.0-no-device", ConnectionState.NoDevice, null },
        { "idevicerestore-1.0.0-no-device", ConnectionState.NoDevice, null },
        { "irecovery-master-no-device", ConnectionState.NoDevice, null },
        { "ideviceinfo-master-no-device", ConnectionState.NoDevice, null },
        { "ideviceinfo-master-udid-not-found", ConnectionState.NoDevice, null },
        { "ideviceinfo-1.2.0-no-device", ConnectionState.NoDevice, null },
        { "ideviceinfo-master-trust-pending", ConnectionState.TrustPending, -19 },
        { "ideviceinfo-1.3.0-trust-pending", ConnectionState.TrustPending, -19 },
        { "ideviceinfo-1.2.0-trust-pending", ConnectionState.TrustPending, -19 },
        { "idevicepair-trust-dialog", ConnectionState.TrustPending, null },
        { "ideviceinfo-master-locked", ConnectionState.Locked, -17 },
        { "ideviceinfo-master-windows-locked", ConnectionState.Locked, -17 },
        { "idevicediagnostics-lockdown-locked", ConnectionState.Locked, -17 },
        { "idevicepair-passcode", ConnectionState.Locked, null },
        { "ideviceinfo-master-denied", ConnectionState.Denied, -18 },
        { "ideviceinfo-master-stale-pairing", ConnectionState.StalePairing, -21 },
        { "ideviceinfo-master-mux-error", ConnectionState.ConnectionError, -8 },
        { "ideviceinfo-master-ssl-error", ConnectionState.ConnectionError, -5 },
        { "ideviceinfo-master-invalid-configuration", ConnectionState.ConnectionError, -2 },
        { "ideviceinfo-master-receive-timeout", ConnectionState.ConnectionError, -7 },
        { "idevicediagnostics-no-ioregistry", ConnectionState.ConnectionError, null },
    };

    [Theory]
    [MemberData(nameof(ErrorCaptures))]
    public void Classify_ErrorCapture_StateAndLockdownCode(string capture, ConnectionState state, int? lockdownCode)
    {
        var output = Capture.Load(capture).ToOutput();

        var finding = ConnectionStateClassifier.Classify(output);

        Assert.NotNull(finding);
        Assert.Equal(state, finding.State);
        Assert.Equal(lockdownCode, finding.LockdownError);
        Assert.Equal(output.CommandLine, finding.CommandLine);
        Assert.NotNull(finding.Line);
    }

    [Theory]
    [InlineData("ideviceinfo-root-xml")]
    [InlineData("ideviceinfo-root-limd")]
    [InlineData("ideviceinfo-battery-charging-xml")]
    [InlineData("ideviceinfo-master-domain-unavailable")]
    [InlineData("ideviceinfo-master-unknown-domain")]
    [InlineData("idevice_id-1.3.0-no-device")]
    [InlineData("idevice_id-two-devices")]
    [InlineData("irecovery-dfu")]
    [InlineData("idevicediagnostics-smartbattery-worn")]
    public void Classify_SuccessfulCapture_NoConnectionProblem(string capture) =>
        Assert.Null(ConnectionStateClassifier.Classify(Capture.Load(capture).ToOutput()));

    [Fact]
    public void Classify_NotInstalled_ToolMissing()
    {
        var finding = ConnectionStateClassifier.Classify(ToolOutput.NotInstalled("ideviceinfo", ["-x"]));

        Assert.Equal(ConnectionState.ToolMissing, finding?.State);
    }

    [Fact]
    public void Classify_TimedOut_TimedOut()
    {
        var output = new ToolOutput("ideviceinfo", ["-x"], ToolRunStatus.TimedOut, 0, string.Empty, string.Empty);

        Assert.Equal(ConnectionState.TimedOut, ConnectionStateClassifier.Classify(output)?.State);
    }

    [Fact]
    public void Classify_UnknownErrorWithNonZeroExit_ConnectionErrorWithFirstLine()
    {
        var output = new ToolOutput("ideviceinfo", ["-x"], ToolRunStatus.Completed, 255, string.Empty, "\nSomething new went wrong\n");

        var finding = ConnectionStateClassifier.Classify(output);

        Assert.Equal(ConnectionState.ConnectionError, finding?.State);
        Assert.Equal("Something new went wrong", finding?.Line);
    }

    [Fact]
    public void FactValue_EveryState_DistinctKebabCase()
    {
        var values = Enum.GetValues<ConnectionState>().Select(s => s.FactValue()).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Matches("^[a-z]+(-[a-z]+)*$", v));
    }
}
