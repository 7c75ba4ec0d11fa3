using System.Text;

namespace Kiriwake.Evidence.Tests.Support;

/// <summary>
/// A temporary directory of fake tool executables: shell scripts that print a captured run and exit with its
/// code, chosen by their arguments. Put it alone on the runner's search path.
/// </summary>
internal sealed class FakeTools : IDisposable
{
    private readonly Dictionary<string, List<(string Arguments, string Body)>> _tools = new(StringComparer.Ordinal);

    public FakeTools()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kiriwake-fake-tools-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>The tool prints the capture when called with exactly <paramref name="arguments"/> (space-joined; "*" for any).</summary>
    /// <summary>The UDID of the trusted iPhone SE (2nd generation) the captures describe.</summary>
    public const string TrustedUdid = "00008030-001A2D3C0E12802E";

    /// <summary>
    /// Tools answering as for a trusted iPhone SE (2nd generation): low free storage, not on power, backups
    /// encrypted, no supervision domain; the battery diagnostics from <paramref name="diagnostics"/>.
    /// </summary>
    public static FakeTools TrustedIphone(string diagnostics = "idevicediagnostics-1.3.0-no-device", string backup = "ideviceinfo-backup-encrypted-xml") => new FakeTools()
        .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
        .Add("ideviceinfo", $"-u {TrustedUdid} -x", Capture.Load("ideviceinfo-root-xml"))
        .Add("ideviceinfo", $"-u {TrustedUdid} -x -q com.apple.disk_usage", Capture.Load("ideviceinfo-disk-usage-low-xml"))
        .Add("ideviceinfo", $"-u {TrustedUdid} -x -q com.apple.mobile.battery", Capture.Load("ideviceinfo-battery-unplugged-xml"))
        .Add("ideviceinfo", $"-u {TrustedUdid} -x -q com.apple.mobile.backup", Capture.Load(backup))
        .Add("ideviceinfo", $"-u {TrustedUdid} -x -q com.apple.mobile.chaperone", Capture.Load("ideviceinfo-master-domain-unavailable"))
        .Add("idevicediagnostics", $"-u {TrustedUdid} ioregentry AppleSmartBattery", Capture.Load(diagnostics));

    public FakeTools Add(string tool, string arguments, Capture capture)
    {
        var stdout = Path.Combine(Directory, $"{tool}.{Guid.NewGuid():N}.out");
        var stderr = Path.Combine(Directory, $"{tool}.{Guid.NewGuid():N}.err");
        File.WriteAllText(stdout, capture.Stdout);
        File.WriteAllText(stderr, capture.Stderr);
        // POSIX exit statuses are 0-255: the tools' -1 shows up as 255 on Linux and macOS.
        var exit = ((capture.ExitCode % 256) + 256) % 256;
        return AddBody(tool, arguments, $"cat '{stdout}'; cat '{stderr}' >&2; exit {exit}");
    }

    /// <summary>The tool sleeps far past any timeout (after printing a line, to check partial output survives).</summary>
    public FakeTools AddHanging(string tool, string arguments) =>
        AddBody(tool, arguments, "echo 'started'; sleep 60; echo 'finished'");

    /// <summary>The tool runs <paramref name="body"/> (POSIX sh) when called with <paramref name="arguments"/> ("*" for any).</summary>
    public FakeTools AddScript(string tool, string arguments, string body) => AddBody(tool, arguments, body);

    private FakeTools AddBody(string tool, string arguments, string body)
    {
        if (!_tools.TryGetValue(tool, out var cases))
        {
            _tools[tool] = cases = [];
        }

        cases.Add((arguments, body));
        Write(tool, cases);
        return this;
    }

    private void Write(string tool, List<(string Arguments, string Body)> cases)
    {
        var script = new StringBuilder("#!/bin/sh\ncase \"$*\" in\n");
        foreach (var (arguments, body) in cases)
        {
            // "*" matches anything; "a b *" matches "a b " followed by anything.
            var pattern = arguments == "*" ? "*"
                : arguments.EndsWith(" *", StringComparison.Ordinal) ? "\"" + arguments[..^1] + "\"*"
                : "\"" + arguments + "\"";
            script.Append("  ").Append(pattern).Append(") ").Append(body).Append(" ;;\n");
        }

        script.Append("  *) echo \"fake ").Append(tool).Append(": unexpected arguments: $*\" >&2; exit 99 ;;\nesac\n");
        var path = Path.Combine(Directory, tool);
        File.WriteAllText(path, script.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed script may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }
}
