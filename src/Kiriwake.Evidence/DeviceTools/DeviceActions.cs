using System.Globalization;
using Kiriwake.Core.Actions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// <see cref="IDeviceActions"/> through libimobiledevice: the knowledge base's <c>make-verified-backup</c> step is
/// <see cref="BackupMaker"/>, a step whose procedure is recovery mode can be started with
/// <see cref="RecoveryModeSwitch"/>. DFU steps are never offered (software cannot enter DFU).
/// </summary>
public sealed class DeviceActions : IDeviceActions
{
    /// <summary>The knowledge base's step that a backup made and verified here completes.</summary>
    public const string BackupStepId = "make-verified-backup";

    private readonly KnowledgeBase _knowledge;
    private readonly BackupMaker _maker;
    private readonly RecoveryModeSwitch _switch;
    private readonly string _defaultDestination;

    public DeviceActions(ToolRunner runner, KnowledgeBase knowledge, TimeProvider time, string defaultDestination,
        BackupMakerOptions? backupOptions = null, RecoverySwitchOptions? recoveryOptions = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultDestination);
        _knowledge = knowledge;
        _maker = new BackupMaker(runner, knowledge, time, backupOptions);
        _switch = new RecoveryModeSwitch(runner, knowledge, time, recoveryOptions);
        _defaultDestination = defaultDestination;
    }

    /// <summary>Where backups made by Kiriwake go unless told otherwise: its own folder, never iTunes' or Finder's.</summary>
    public static string DefaultBackupFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Kiriwake", "Backups");

    public DeviceAction? ForStep(string stepId)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        if (stepId == BackupStepId)
        {
            return DeviceAction.MakeVerifiedBackup;
        }

        return _knowledge.Actions.TryGetValue(stepId, out var action) && action.Procedure == ProcedureKind.Recovery
            ? DeviceAction.EnterRecovery
            : null;
    }

    public async Task<DeviceActionConsent> PrepareAsync(DeviceAction action, CancellationToken cancellationToken)
    {
        if (action == DeviceAction.LeaveRecovery)
        {
            var leave = await _switch.LookAsync(null, cancellationToken);
            var inRecovery = leave.State == ConnectionState.Recovery;
            return new DeviceActionConsent(action, inRecovery,
                inRecovery ? Format(DeviceActionText.LeaveConsent, Label(leave)) : DeviceActionText.Recovery(leave.State == ConnectionState.Dfu ? RecoverySwitchStatus.InDfu : RecoverySwitchStatus.NotInRecovery),
                leave.Facts, false);
        }

        var device = await _maker.LookAsync(null, cancellationToken);
        var ready = device.State == ConnectionState.Connected;
        var question = !ready
            ? ConnectionStateText.Title(device.State)
            : action == DeviceAction.MakeVerifiedBackup
                ? Format(DeviceActionText.BackupConsent, Label(device), _defaultDestination)
                : Format(DeviceActionText.EnterConsent, Label(device));
        return new DeviceActionConsent(action, ready, question, device.Facts, action == DeviceAction.MakeVerifiedBackup && device.Backup.WillEncrypt == true);
    }

    public async Task<DeviceActionResult> RunAsync(DeviceActionRequest request, IProgress<DeviceActionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Action)
        {
            case DeviceAction.MakeVerifiedBackup:
                var reporter = progress is null ? null : new Relay(progress);
                var made = await _maker.MakeAsync(new BackupMakeRequest(request.Destination ?? _defaultDestination, null, request.Encrypt, request.Password), null, reporter, cancellationToken);
                return new DeviceActionResult(request.Action, made.Status == BackupMakeStatus.Complete, DeviceActionText.Backup(made.Status),
                    DeviceActionText.BackupNext(made), made.Facts, made.Failure?.SymptomId);
            case DeviceAction.EnterRecovery:
                var entered = await _switch.EnterAsync(null, null, cancellationToken);
                return FromSwitch(request.Action, entered);
            default:
                var left = await _switch.LeaveAsync(cancellationToken);
                return FromSwitch(request.Action, left);
        }
    }

    /// <summary>The bar's words: stage, phase, files and bytes, in both languages.</summary>
    public static DeviceActionProgress ToActionProgress(BackupMakeProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Stage != BackupMakeStage.BackingUp)
        {
            return new DeviceActionProgress(DeviceActionText.Stage(p.Stage), p.Tool.OverallPercent, null);
        }

        var files = Math.Max(p.FilesWritten, p.Tool.FilesSeen);
        var bytes = p.BytesWritten > 0 ? p.BytesWritten : p.Tool.TransferDone ?? 0;
        var phase = DeviceActionText.Phase(p.Tool.Phase);
        var detail = new LocalizedText(
            string.Create(CultureInfo.InvariantCulture, $"{phase.Ja}・{files:N0} ファイル・{Bytes(bytes)}"),
            string.Create(CultureInfo.InvariantCulture, $"{phase.En} · {files:N0} files · {Bytes(bytes)}"));
        return new DeviceActionProgress(DeviceActionText.Stage(p.Stage), p.Tool.OverallPercent, detail);
    }

    /// <summary>Decimal units, as the tools and the device report sizes.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1_000_000_000 => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
        >= 1_000_000 => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1_000 => (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>The device as the person knows it: its name and model, e.g. 「花子の iPhone」(iPhone SE (2nd generation)).</summary>
    public static LocalizedText Label(DeviceFacts device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var model = device.Model?.Name ?? device.Model?.ProductType;
        var name = device.Identity.DeviceName;
        return (name, model) switch
        {
            ({ } n, { } m) => new($"「{n}」({m})", $"\"{n}\" ({m})"),
            ({ } n, null) => new($"「{n}」", $"\"{n}\""),
            (null, { } m) => new(m, m),
            _ => new("接続中のデバイス", "the connected device"),
        };
    }

    private static DeviceActionResult FromSwitch(DeviceAction action, RecoverySwitchResult result)
    {
        IReadOnlyList<LocalizedText> next = result.Status switch
        {
            RecoverySwitchStatus.DeviceNotReady => ConnectionStateText.Fix(result.Device.State),
            RecoverySwitchStatus.ToolMissing => ToolInstallHelp.Steps,
            _ => [],
        };
        return new DeviceActionResult(action, DeviceActionText.Succeeded(result.Status), DeviceActionText.Recovery(result.Status), next,
            [.. result.Device.Facts.Where(f => result.Facts.All(r => r.Key != f.Key)), .. result.Facts], null);
    }

    private static LocalizedText Format(LocalizedText template, LocalizedText device, string? path = null) => new(
        string.Format(CultureInfo.InvariantCulture, template.Ja, device.Ja, path),
        string.Format(CultureInfo.InvariantCulture, template.En, device.En, path));

    /// <summary>Reports on the maker's thread, in order: a front end never sees a stale stage after a newer one.</summary>
    private sealed class Relay(IProgress<DeviceActionProgress> to) : IProgress<BackupMakeProgress>
    {
        public void Report(BackupMakeProgress value) => to.Report(ToActionProgress(value));
    }
}
