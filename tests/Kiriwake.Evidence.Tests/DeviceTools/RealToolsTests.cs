using Kiriwake.Core.Facts;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>The real Debian binaries, with no device attached (CI machines have none): the answer must be "no device".</summary>
public sealed class RealToolsTests
{
    [ToolFact("idevice_id", "ideviceinfo", "irecovery")]
    public async Task CaptureAsync_RealToolsNoDeviceAttached_NoDeviceFact()
    {
        var capture = await new DeviceProbe(new ToolRunner()).CaptureAsync(CancellationToken.None);

        var device = DeviceFactsBuilder.Build(capture, null);

        Assert.Equal(ConnectionState.NoDevice, device.State);
        Assert.Contains(device.Facts, f => f.Key == FactKeys.DeviceConnection && f.Value == "no-device");
        Assert.Contains(device.Facts, f => f.Key == FactKeys.DeviceConnected && f.Value == "false");
    }

    [ToolFact("ideviceinfo")]
    public async Task RunAsync_RealIdeviceinfoNoDevice_ClassifiedNoDevice()
    {
        var output = await new ToolRunner().RunAsync("ideviceinfo", ["-x"], TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Equal(ConnectionState.NoDevice, ConnectionStateClassifier.Classify(output)?.State);
    }
}
