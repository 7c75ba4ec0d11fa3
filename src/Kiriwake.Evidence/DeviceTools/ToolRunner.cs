using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// The thin adapter that runs a command-line tool and captures its text; parsing is left to the pure parsers.
/// A tool missing from PATH is a result (<see cref="ToolRunStatus.NotInstalled"/>), a tool that outlives its
/// timeout is killed with its children (<see cref="ToolRunStatus.TimedOut"/>), and cancellation by the caller
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

        var startInfo = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

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
            var stdout = await stdoutTask.WaitAsync(linked.Token);
            var stderr = await stderrTask.WaitAsync(linked.Token);
            return new ToolOutput(tool, arguments, ToolRunStatus.Completed, process.ExitCode, stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            var stdout = await DrainAsync(stdoutTask);
            var stderr = await DrainAsync(stderrTask);
            return new ToolOutput(tool, arguments, ToolRunStatus.TimedOut, 0, stdout, stderr);
        }
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

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & AnyExecute) != 0;
    }
}
