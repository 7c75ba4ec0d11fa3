using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kiriwake.Core.Actions;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Local;

/// <summary>
/// The device actions running in this web process (local mode only: one person, one computer, one cable). A job
/// outlives the request that started it; its page is refreshed to follow it. When it ends, its facts are recorded in
/// the session (a complete, verified backup is what opens the backup gate).
/// If the process stops, running jobs are cancelled: the tool is stopped cleanly (SIGINT) within its grace time, no
/// fact is recorded, and the session stays where it was — the gate asks again. Finished jobs are forgotten after an
/// hour or when the process stops; their facts stay in the session.
/// </summary>
public sealed class DeviceJobs(IDeviceActions actions, IServiceScopeFactory scopes, TimeProvider time, ILogger<DeviceJobs> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan s_keepFinished = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DeviceJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _startLock = new();

    public DeviceJob? Find(string sessionId, string jobId) =>
        _jobs.TryGetValue(jobId, out var job) && string.Equals(job.SessionId, sessionId, StringComparison.Ordinal) ? job : null;

    /// <summary>The job still running, if any (there is one device: one action at a time).</summary>
    public DeviceJob? Running => _jobs.Values.FirstOrDefault(j => !j.Finished);

    /// <summary>Starts the action for the session, or returns the job already running (which may be another session's).</summary>
    /// <param name="password">Taken over: zeroed when the action ends.</param>
    /// <param name="encrypt">Switch the device's backup encryption on with <paramref name="password"/> first.</param>
    public DeviceJob Start(string sessionId, DeviceAction action, byte[]? password, bool encrypt = false)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        lock (_startLock)
        {
            Forget();
            if (Running is { } running)
            {
                if (password is not null)
                {
                    CryptographicOperations.ZeroMemory(password);
                }

                return running;
            }

            var job = new DeviceJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), sessionId, action, time.GetUtcNow());
            _jobs[job.Id] = job;
            job.Running = Task.Run(() => RunAsync(job, new DeviceActionRequest(action, Encrypt: encrypt, Password: password)));
            return job;
        }
    }

    private async Task RunAsync(DeviceJob job, DeviceActionRequest request)
    {
        DeviceActionResult? result = null;
        try
        {
            result = await actions.RunAsync(request, new Relay(job), job.Token);
        }
        catch (OperationCanceledException) when (job.CancelRequested)
        {
            // Stopped before the tool started (while looking at the device): nothing ran, nothing to record.
            result = new DeviceActionResult(request.Action, false, LocalText.StoppedBeforeStart, [], [], null);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            logger.LogWarning("A device action ({Action}) failed: {Error}", request.Action, e.GetType().Name);
        }
        finally
        {
            if (request.Password is not null)
            {
                CryptographicOperations.ZeroMemory(request.Password);
            }
        }

        var recorded = result is { SessionFacts.Count: > 0 } && await RecordAsync(job.SessionId, result);
        job.Finish(new DeviceJobOutcome(result, recorded, time.GetUtcNow()));
    }

    /// <summary>Adds the result's facts to the session; another writer first (the person answered meanwhile) → read it again.</summary>
    private async Task<bool> RecordAsync(string sessionId, DeviceActionResult result)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
            try
            {
                var session = await sessions.LoadAsync(sessionId, null, CancellationToken.None);
                if (session is null)
                {
                    return false;
                }

                await sessions.AddEvidenceAsync(session, result.SessionFacts, CancellationToken.None);
                return true;
            }
            catch (SessionConflictException)
            {
                // Read the session again and add the facts to its newer log.
            }
        }

        return false;
    }

    private void Forget()
    {
        var now = time.GetUtcNow();
        foreach (var job in _jobs.Values.Where(j => j.Outcome is { } o && now - o.Finished > s_keepFinished).ToArray())
        {
            _jobs.TryRemove(job.Id, out _);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The process stops: every running tool is asked to stop cleanly, and waited for within the host's limit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = _jobs.Values.Where(j => !j.Finished).ToArray();
        foreach (var job in running)
        {
            job.Cancel();
        }

        try
        {
            await Task.WhenAll(running.Select(j => j.Running)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up; the tool's own process group is killed by the runner.
        }
    }

    public void Dispose()
    {
        foreach (var job in _jobs.Values.Where(j => !j.Finished))
        {
            job.Cancel();
        }
    }

    /// <summary>Keeps only the latest progress (the page shows the newest when it refreshes).</summary>
    private sealed class Relay(DeviceJob job) : IProgress<DeviceActionProgress>
    {
        public void Report(DeviceActionProgress value) => job.Report(value);
    }
}
