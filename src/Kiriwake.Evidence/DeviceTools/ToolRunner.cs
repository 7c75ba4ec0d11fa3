using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// The thin adapter that runs a command-line tool and captures its text; parsing is left to the pure parsers.
/// A tool missing from PATH is a result (<see cref="ToolRunStatus.NotInstalled"/>), a tool that outlives its
/// timeout is killed with its whole process group (<see cref="ToolRunStatus.TimedOut"/>; see <see cref="ProcessGroup"/>),
/// a child the tool leaves holding its output is killed once the tool has exited, and cancellation by the caller
/// kills it too and throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed partial class ToolRunner
{
    // Tool output is a few kilobytes; the cap only protects against a runaway process.
    private const int MaxOutputChars = 4 * 1024 * 1024;
    private static readonly TimeSpan s_drainAfterKill = TimeSpan.FromSeconds(2);

    private readonly string _searchPath;
    private readonly TimeProvider _timeProvider;

    /// <param name="searchPath">Directories to look for tools in, PATH-style; null means the process's PATH.</param>
    public ToolRunner(string? searchPath = null, TimeProvider? timeProvider = null)
    {
        _searchPath = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The full path of <paramref name="tool"/> on the search path, or null when it is not installed.</summary>
    public string? Resolve(string tool)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        var names = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT")
                .Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(ext => tool + ext.ToLowerInvariant())
                .Prepend(tool)
            : [tool];
        foreach (var directory in _searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory.Trim('"'), name);
                if (IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Runs the tool and captures stdout, stderr and the exit code.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; the process was killed.</exception>
    public async Task<ToolOutput> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var path = Resolve(tool);
        if (path is null)
        {
            return ToolOutput.NotInstalled(tool, arguments);
        }

        var startInfo = ProcessGroup.StartInfo(path, arguments);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        startInfo.CreateNoWindow = true;
        startInfo.StandardOutputEncoding = Encoding.UTF8;
        startInfo.StandardErrorEncoding = Encoding.UTF8;

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            // Found but not startable (permissions, wrong architecture): to the person it is not usable, as if missing.
            return ToolOutput.NotInstalled(tool, arguments);
        }

        process.StandardInput.Close();
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        // The reads end when the pipes close (exit or kill), so a timeout still keeps what was printed before it.
        var stdoutTask = ReadCappedAsync(process.StandardOutput);
        var stderrTask = ReadCappedAsync(process.StandardError);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            ProcessGroup.Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            var stdout = await DrainAsync(stdoutTask);
            var stderr = await DrainAsync(stderrTask);
            return new ToolOutput(tool, arguments, ToolRunStatus.TimedOut, 0, stdout, stderr);
        }

        // The tool has exited. A child it left behind may still hold the pipes open: give them a moment to close,
        // then end the tool's group (that child included) and keep what the tool itself printed.
        try
        {
            await Task.WhenAll(stdoutTask, stderrTask).WaitAsync(s_drainAfterKill, _timeProvider, linked.Token);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            ProcessGroup.Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var output = await DrainAsync(stdoutTask);
        var errors = await DrainAsync(stderrTask);
        return new ToolOutput(tool, arguments, ToolRunStatus.Completed, process.ExitCode, output, errors);
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var builder = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            var room = MaxOutputChars - builder.Length;
            if (room > 0)
            {
                builder.Append(buffer, 0, Math.Min(read, room));
            }
        }

        return builder.ToString();
    }

    // After a kill the partial output is still worth keeping, but a grandchild holding the pipe must not hang us.
    private static async Task<string> DrainAsync(Task<string> readTask)
    {
        try
        {
            return await readTask.WaitAsync(s_drainAfterKill);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>A regular file with an execute bit; a dangling or looping link, a folder or a pipe is "not installed".</summary>
    private static bool IsExecutable(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists && info.LinkTarget is null)
            {
                return false;
            }

            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is not { Exists: true } || Kiriwake.Files.UnixFileType.Of(target.FullName) is Kiriwake.Files.UnixFileKind.Special)
            {
                return false;
            }

            if (OperatingSystem.IsWindows())
            {
                return true;
            }

            const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(target.FullName) & AnyExecute) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
