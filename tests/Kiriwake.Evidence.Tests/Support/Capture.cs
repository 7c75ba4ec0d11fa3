using System.Globalization;
using Kiriwake.Evidence.DeviceTools;

namespace Kiriwake.Evidence.Tests.Support;

/// <summary>One captured tool run from TestData/tools (see its README for the file format and origins).</summary>
internal sealed record Capture(string Name, string Command, int ExitCode, string Stdout, string Stderr)
{
    private const string StdoutMarker = "--- stdout\n";
    private const string StderrMarker = "--- stderr\n";

    public static Capture Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Tools, name + ".capture")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var outAt = text.IndexOf(StdoutMarker, StringComparison.Ordinal);
        var errAt = text.IndexOf(StderrMarker, outAt, StringComparison.Ordinal);
        var header = text[..outAt].Split('\n');
        string Header(string key) => header.Single(l => l.StartsWith("# " + key + ": ", StringComparison.Ordinal))[(key.Length + 4)..];
        return new Capture(
            name,
            Header("command"),
            int.Parse(Header("exit"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            text[(outAt + StdoutMarker.Length)..errAt],
            text[(errAt + StderrMarker.Length)..]);
    }

    /// <summary>As the runner would have returned it.</summary>
    public ToolOutput ToOutput()
    {
        var parts = Command.Split(' ');
        return new ToolOutput(parts[0], parts[1..], ToolRunStatus.Completed, ExitCode, Stdout, Stderr);
    }
}
