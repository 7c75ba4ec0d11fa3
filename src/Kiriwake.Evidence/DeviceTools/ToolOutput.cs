namespace Kiriwake.Evidence.DeviceTools;

/// <summary>What one run of a command-line tool left behind: its exit code and both streams, captured verbatim.</summary>
/// <param name="Tool">The tool's name as looked up on PATH, e.g. <c>ideviceinfo</c>.</param>
/// <param name="Arguments">The arguments it ran with.</param>
/// <param name="Status">Whether it ran to the end, was not installed, or was stopped at the timeout.</param>
/// <param name="ExitCode">The process exit code (255 on Linux/macOS and -1 on Windows for the tools' "-1"); 0 unless it completed.</param>
public sealed record ToolOutput(string Tool, IReadOnlyList<string> Arguments, ToolRunStatus Status, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>A tool that is not installed: no process was started.</summary>
    public static ToolOutput NotInstalled(string tool, IReadOnlyList<string> arguments) =>
        new(tool, arguments, ToolRunStatus.NotInstalled, 0, string.Empty, string.Empty);

    /// <summary>The command line as a person would type it, for transcripts and fact details.</summary>
    public string CommandLine => Arguments.Count == 0 ? Tool : Tool + " " + string.Join(' ', Arguments);

    /// <summary>True when the tool ran to the end and exited with 0.</summary>
    public bool Succeeded => Status == ToolRunStatus.Completed && ExitCode == 0;

    /// <summary>Both streams: libimobiledevice 1.3.0 writes some errors to stdout, later versions to stderr.</summary>
    public string AllText => Stderr.Length == 0 ? Stdout : Stdout.Length == 0 ? Stderr : Stdout + "\n" + Stderr;
}

/// <summary>How a tool run ended.</summary>
public enum ToolRunStatus
{
    /// <summary>The process exited by itself.</summary>
    Completed,

    /// <summary>The executable was not found on PATH.</summary>
    NotInstalled,

    /// <summary>The process was still running at the timeout (or went idle too long) and was stopped.</summary>
    TimedOut,

    /// <summary>The caller stopped it (Ctrl+C): SIGINT first, a kill only when that was not enough.</summary>
    Stopped,
}
