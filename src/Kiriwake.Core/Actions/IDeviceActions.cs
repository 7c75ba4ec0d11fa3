using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Actions;

/// <summary>
/// The steps Kiriwake can do itself on a connected device, with the person's consent: make a backup and verify
/// it, enter and leave recovery mode (DFU stays a button procedure). A front end (the CLI's diagnose, the web app
/// in local mode) asks <see cref="ForStep"/> when the conversation shows a step; if an action is offered it asks
/// the person, runs it, shows <see cref="DeviceActionResult.Summary"/>, and records <see cref="DeviceActionResult.Facts"/>
/// in the session as evidence — so the backup gate opens only on <c>backup.verified = true</c> from a complete,
/// checked backup, never on the person's word alone.
/// </summary>
public interface IDeviceActions
{
    /// <summary>The action this tool can run for a knowledge-base step, or null (the person does the step).</summary>
    DeviceAction? ForStep(string stepId);

    /// <summary>The question to ask before running it, naming the device and what will happen.</summary>
    Task<DeviceActionConsent> PrepareAsync(DeviceAction action, CancellationToken cancellationToken);

    /// <summary>Runs it; Ctrl+C or a closed page stops it cleanly (no exception), the result says so.</summary>
    Task<DeviceActionResult> RunAsync(DeviceActionRequest request, IProgress<DeviceActionProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>What the tool can do on a device.</summary>
public enum DeviceAction
{
    /// <summary>Back up to this computer with idevicebackup2 and verify the result.</summary>
    MakeVerifiedBackup,

    /// <summary>Put the connected device into recovery mode (ideviceenterrecovery).</summary>
    EnterRecovery,

    /// <summary>Restart a device in recovery mode normally (irecovery -n).</summary>
    LeaveRecovery,
}

/// <summary>Before running: can it run now, and the question to ask (or why not).</summary>
/// <param name="CanRun">False when no suitable device or tool is there; <paramref name="Question"/> then says why.</param>
/// <param name="Facts">What the look at the device established (model, button family, connection state).</param>
/// <param name="NeedsPassword">A backup of a device with backup encryption on: the password proves the backup can be opened.</param>
public sealed record DeviceActionConsent(DeviceAction Action, bool CanRun, LocalizedText Question, IReadOnlyList<Fact> Facts, bool NeedsPassword);

/// <param name="Password">UTF-8 bytes, zeroed by the caller after the run.</param>
/// <param name="Destination">Where a backup goes; null for the default folder.</param>
public sealed record DeviceActionRequest(DeviceAction Action, string? Destination = null, bool Encrypt = false, byte[]? Password = null);

/// <param name="Stage">What is happening, for the person.</param>
/// <param name="Percent">0–100 when known.</param>
/// <param name="Detail">Files and bytes so far, in the person's words (both languages).</param>
public sealed record DeviceActionProgress(LocalizedText Stage, double? Percent, LocalizedText? Detail);

/// <param name="Succeeded">The person got what the action is for (a complete, verified backup; the mode switched).</param>
/// <param name="Summary">One sentence for the person.</param>
/// <param name="NextSteps">What to do when it did not succeed.</param>
/// <param name="Facts">Evidence for the session (backup.verified, backup.last-incomplete, log.error-code, device.connection…).</param>
/// <param name="SymptomId">When it failed: the symptom its output points to, for a diagnosis that starts from what it saw.</param>
public sealed record DeviceActionResult(
    DeviceAction Action,
    bool Succeeded,
    LocalizedText Summary,
    IReadOnlyList<LocalizedText> NextSteps,
    IReadOnlyList<Fact> Facts,
    string? SymptomId)
{
    /// <summary>
    /// What a session records: all <see cref="Facts"/>, except that a backup which did not complete here says nothing
    /// about other backups, so its <c>backup.verified = false</c> is left out — the backup gate keeps asking (another
    /// backup, this one again with the right password, or accepting the loss) instead of closing for good.
    /// </summary>
    public IReadOnlyList<Fact> SessionFacts => Action == DeviceAction.MakeVerifiedBackup && !Succeeded
        ? [.. Facts.Where(f => f.Key != FactKeys.BackupVerified)]
        : Facts;
}
