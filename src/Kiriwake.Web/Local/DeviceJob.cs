using Kiriwake.Core.Actions;

namespace Kiriwake.Web.Local;

/// <summary>
/// One device action running in this web process (a backup, entering or leaving recovery mode) for one session:
/// its latest progress while it runs, then its result. The result is set only after its facts were recorded in
/// the session, so a page that sees the job finished also sees the session changed.
/// </summary>
public sealed class DeviceJob
{
    private readonly CancellationTokenSource _cancel = new();
    private volatile DeviceActionProgress? _progress;
    private volatile DeviceJobOutcome? _outcome;

    public DeviceJob(string id, string sessionId, DeviceAction action, DateTimeOffset started)
    {
        Id = id;
        SessionId = sessionId;
        Action = action;
        Started = started;
    }

    /// <summary>Unguessable (128 random bits), like session ids.</summary>
    public string Id { get; }

    public string SessionId { get; }

    public DeviceAction Action { get; }

    public DateTimeOffset Started { get; }

    public DeviceActionProgress? Progress => _progress;

    /// <summary>Null while it runs.</summary>
    public DeviceJobOutcome? Outcome => _outcome;

    public bool Finished => _outcome is not null;

    /// <summary>The person asked to stop it (the tool is being stopped cleanly).</summary>
    public bool CancelRequested => _cancel.IsCancellationRequested;

    internal CancellationToken Token => _cancel.Token;

    internal Task Running { get; set; } = Task.CompletedTask;

    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    internal void Report(DeviceActionProgress progress) => _progress = progress;

    internal void Finish(DeviceJobOutcome outcome)
    {
        _outcome = outcome;
        _cancel.Dispose();
    }
}

/// <summary>How a job ended: the action's result (null when the action itself failed unexpectedly), and whether
/// its facts reached the session.</summary>
/// <param name="Result">The device action's result.</param>
/// <param name="Recorded">The result's facts are in the session's log.</param>
/// <param name="Finished">When it ended.</param>
public sealed record DeviceJobOutcome(DeviceActionResult? Result, bool Recorded, DateTimeOffset Finished);
