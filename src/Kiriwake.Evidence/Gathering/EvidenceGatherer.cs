using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Logs;

namespace Kiriwake.Evidence.Gathering;

/// <summary>What to read before a diagnosis starts: a pasted text or log, the connected device, a backup folder.</summary>
/// <param name="TextOrigin">Where the text came from, for the facts' sources ("--text", a file name, "stdin").</param>
/// <param name="ToolsDirectory">The libimobiledevice tools' folder, instead of PATH.</param>
public sealed record EvidenceRequest(string? Text, string TextOrigin, bool Device, string? ToolsDirectory, string? BackupFolder);

/// <summary>A stage of gathering, reported through <see cref="IProgress{T}"/> as it starts and ends.</summary>
public enum EvidenceStage
{
    ReadingText,
    ReadingDevice,
    DeviceRead,
    DeviceNotRead,
    CheckingBackup,
    BackupChecked,
}

/// <param name="FactCount">How many facts the stage established (at its end).</param>
public sealed record EvidenceProgress(EvidenceStage Stage, int FactCount);

/// <summary>Everything read: the text's candidate symptoms, the facts (text, then device, then backup), and the
/// device's and backup's own results for front ends that show them.</summary>
public sealed record GatheredEvidence(DiagnosisStart? TextStart, IReadOnlyList<Fact> Facts, DeviceFacts? Device, BackupReport? Backup);

/// <summary>
/// Gathers the evidence of a diagnosis for any front end. A device that could not be read (no tools, no device,
/// not trusted) gives no fact that claims to come from the device: without the tools nothing is recorded; otherwise
/// only the connection state the tools saw.
/// </summary>
public sealed class EvidenceGatherer(KnowledgeBase knowledge, TimeProvider time)
{
    public async Task<GatheredEvidence> GatherAsync(EvidenceRequest request, IProgress<EvidenceProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = new List<Fact>();
        DiagnosisStart? start = null;
        if (request.Text is not null)
        {
            progress?.Report(new EvidenceProgress(EvidenceStage.ReadingText, 0));
            start = LogDiagnosis.FromText(request.Text, knowledge, request.TextOrigin);
            facts.AddRange(start.Facts);
        }

        DeviceFacts? device = null;
        if (request.Device)
        {
            progress?.Report(new EvidenceProgress(EvidenceStage.ReadingDevice, 0));
            device = await DeviceFactsReader.ReadAsync(knowledge, null, request.ToolsDirectory, time, cancellationToken).ConfigureAwait(false);
            var read = DeviceReadable(device) ? device.Facts : device.State == ConnectionState.ToolMissing ? [] : ConnectionOnly(device.Facts);
            facts.AddRange(read);
            progress?.Report(new EvidenceProgress(DeviceReadable(device) ? EvidenceStage.DeviceRead : EvidenceStage.DeviceNotRead, read.Count));
        }

        BackupReport? backup = null;
        if (request.BackupFolder is { } folder)
        {
            // "Verified" means every file was checked, so this is the deep check. Without the password an encrypted
            // backup is checked as far as it can be (files present, sizes).
            progress?.Report(new EvidenceProgress(EvidenceStage.CheckingBackup, 0));
            backup = await new BackupVerifier(time).VerifyAsync(folder, new VerifyOptions(Deep: true), cancellationToken).ConfigureAwait(false);
            var backupFacts = BackupFacts.From(backup, time, FreeSpace.Of(folder));
            facts.AddRange(backupFacts);
            progress?.Report(new EvidenceProgress(EvidenceStage.BackupChecked, backupFacts.Count));
        }

        return new GatheredEvidence(start, facts, device, backup);
    }

    /// <summary>The device answered: its facts were read from it.</summary>
    public static bool DeviceReadable(DeviceFacts device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.State == ConnectionState.Connected;
    }

    private static IReadOnlyList<Fact> ConnectionOnly(IReadOnlyList<Fact> facts) =>
        facts.Where(f => f.Key is FactKeys.DeviceConnection or FactKeys.DeviceConnected).ToArray();
}
