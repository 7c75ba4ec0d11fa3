using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Long runs (a backup takes minutes to hours): output is handed over as it arrives, there is no overall
/// timeout but an idle one (no output and no other sign of life for that long), and stopping is clean — the
/// tool gets SIGINT first, as Ctrl+C in a terminal would send it (idevicebackup2 then closes the session with the
/// device and prints "Backup Aborted."), and is killed only if it has not exited after the grace period.
/// </summary>
public sealed partial class ToolRunner
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs the tool until it exits, goes idle past the limit, or the caller stops it.</summary>
    /// <param name="request">What to run and how long it may stay silent.</param>
    /// <param name="onOutput">Called with each chunk of stdout or stderr, on a reader thread, in arrival order per stream.</param>
    /// <param name="cancellationToken">Stops the tool cleanly (SIGINT, then kill after the grace period); no exception.</param>
    /// <returns>The run; <see cref="ToolRunStatus.Stopped"/> when the caller stopped it, <see cref="ToolRunStatus.TimedOut"/> when it went idle.</returns>
    public async Task<InterruptibleRun> RunInterruptibleAsync(InterruptibleRequest request, Action<string>? onOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = Resolve(request.Tool);
        if (path is null)
        {
            return new InterruptibleRun(ToolOutput.NotInstalled(request.Tool, request.DisplayArguments ?? request.Arguments), false);
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
        foreach (var argument in request.Arguments)
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
            return new InterruptibleRun(ToolOutput.NotInstalled(request.Tool, request.DisplayArguments ?? request.Arguments), false);
        }

        var lastActivity = _timeProvider.GetTimestamp();
        var gate = new object();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        void Received(StringBuilder into, string chunk)
        {
            lock (gate)
            {
                if (into.Length < MaxOutputChars)
                {
                    into.Append(chunk, 0, Math.Min(chunk.Length, MaxOutputChars - into.Length));
                }

                lastActivity = _timeProvider.GetTimestamp();
                onOutput?.Invoke(chunk);
            }
        }

        var stdoutTask = PumpAsync(process.StandardOutput, chunk => Received(stdout, chunk));
        var stderrTask = PumpAsync(process.StandardError, chunk => Received(stderr, chunk));
        await WriteInputAsync(process, request.StandardInput);

        var status = ToolRunStatus.Completed;
        var killed = false;
        var activity = request.Activity?.Invoke();
        while (!process.HasExited)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                status = ToolRunStatus.Stopped;
                killed = await StopAsync(process, request.StopGrace);
                break;
            }

            var now = request.Activity?.Invoke();
            if (now is not null && now != activity)
            {
                activity = now;
                lock (gate)
                {
                    lastActivity = _timeProvider.GetTimestamp();
                }
            }

            TimeSpan idle;
            lock (gate)
            {
                idle = _timeProvider.GetElapsedTime(lastActivity);
            }

            if (idle >= request.IdleTimeout)
            {
                status = ToolRunStatus.TimedOut;
                killed = await StopAsync(process, request.StopGrace);
                break;
            }

            try
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(s_pollInterval, _timeProvider, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // Poll again: the checks above decide.
            }
        }

        await DrainAsync(stdoutTask);
        await DrainAsync(stderrTask);
        string outText, errText;
        lock (gate)
        {
            outText = stdout.ToString();
            errText = stderr.ToString();
        }

        var exitCode = process.HasExited ? process.ExitCode : 0;
        var output = new ToolOutput(request.Tool, request.DisplayArguments ?? request.Arguments, status, status == ToolRunStatus.Completed ? exitCode : 0, outText, errText);
        return new InterruptibleRun(output, killed);
    }

    private static async Task WriteInputAsync(Process process, ReadOnlyMemory<byte> input)
    {
        try
        {
            if (!input.IsEmpty)
            {
                await process.StandardInput.BaseStream.WriteAsync(input, CancellationToken.None);
                await process.StandardInput.BaseStream.FlushAsync(CancellationToken.None);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited before reading its input; its output says why.
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onChunk)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            onChunk(new string(buffer, 0, read));
        }
    }

    private static async Task DrainAsync(Task pump)
    {
        try
        {
            await pump.WaitAsync(s_drainAfterKill);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or OperationCanceledException)
        {
            // A grandchild holding the pipe must not hang us; what arrived is kept.
        }
    }

    /// <summary>SIGINT, wait up to the grace period, then kill the tree. Returns true when it had to kill.</summary>
    private async Task<bool> StopAsync(Process process, TimeSpan grace)
    {
        if (!Signals.Interrupt(process))
        {
            ProcessGroup.Kill(process);
            return true;
        }

        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(grace, _timeProvider, CancellationToken.None);
            return false;
        }
        catch (TimeoutException)
        {
            ProcessGroup.Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(s_drainAfterKill, _timeProvider, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
    }
}

/// <summary>A long tool run.</summary>
/// <param name="Tool">The tool's name, looked up on the runner's search path.</param>
/// <param name="Arguments">The arguments it runs with.</param>
/// <param name="IdleTimeout">How long it may go without output and without a change in <paramref name="Activity"/>.</param>
/// <param name="StopGrace">How long it gets to exit after SIGINT before it is killed.</param>
/// <param name="StandardInput">Bytes written to its standard input, which is then closed (a password goes here, never in the arguments).</param>
/// <param name="Activity">Another sign of life, sampled while it runs (e.g. files written); any change resets the idle clock.</param>
/// <param name="DisplayArguments">The arguments as transcripts should show them, when they differ.</param>
public sealed record InterruptibleRequest(
    string Tool,
    IReadOnlyList<string> Arguments,
    TimeSpan IdleTimeout,
    TimeSpan StopGrace,
    ReadOnlyMemory<byte> StandardInput = default,
    Func<long>? Activity = null,
    IReadOnlyList<string>? DisplayArguments = null);

/// <summary>How a long run ended: its output, and whether it had to be killed after SIGINT was not enough.</summary>
public sealed record InterruptibleRun(ToolOutput Output, bool Killed);
