using Kiriwake.Cli.Commands;
using Kiriwake.Core.Facts;

namespace Kiriwake.Cli.Tests.Analyze;

public sealed class TextInputTests
{
    [Fact]
    public async Task ReadAsync_Dash_ReadsStandardInput()
    {
        using var input = new StringReader("ErrorCode 105: x (MBErrorDomain/105)\n");

        Assert.Equal("ErrorCode 105: x (MBErrorDomain/105)\n", await TextInput.ReadAsync("-", input, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_FileNotFound()
    {
        using var input = new StringReader(string.Empty);

        await Assert.ThrowsAsync<FileNotFoundException>(() => TextInput.ReadAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), input, CancellationToken.None));
    }

    [Theory]
    [InlineData(FactSourceKind.Log, "a.log", "line 3: x", "log:a.log line 3: x")]
    [InlineData(FactSourceKind.Device, "ideviceinfo -x -q com.apple.mobile.battery", "BatteryIsCharging = false", "device:ideviceinfo -x -q com.apple.mobile.battery (BatteryIsCharging = false)")]
    public void SourceLabel_FactFromEvidence_SaysWhereItCameFrom(FactSourceKind kind, string origin, string detail, string label) =>
        Assert.Equal(label, TextInput.SourceLabel(new Fact("k", "v", new FactSource(kind, origin), detail)));
}
