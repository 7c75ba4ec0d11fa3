using System.Globalization;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Logs;
using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Makes a computer backup of the connected device with <c>idevicebackup2 backup</c> and proves it: look at the
/// device (it must be trusted and answering), switch backup encryption on when asked (the password goes to the
/// tool's standard input, never its arguments), run the backup with progress, then run the verifier's deep check
/// on what was written. Only a backup the tool calls successful AND the verifier finds complete counts — the one
/// way a backup made here opens the backup gate. When it fails, the tool's output goes through the log analyzer,
/// so the diagnosis starts from the failure it saw.
/// </summary>
public sealed class BackupMaker
{
    public const string Tool = "idevicebackup2";

    private const string EncryptionEnabledLine = "Backup encryption has been enabled successfully.";

    // idevicebackup2's password prompt (get_hidden_input) keeps only isprint() characters, up to 255.
    private const int MaxPromptPasswordLength = 255;

    private readonly ToolRunner _runner;
    private readonly KnowledgeBase _knowledge;
    private readonly TimeProvider _time;
    private readonly BackupMakerOptions _options;

    public BackupMaker(ToolRunner runner, KnowledgeBase knowledge, TimeProvider time, BackupMakerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(time);
        _runner = runner;
        _knowledge = knowledge;
        _time = time;
        _options = options ?? new BackupMakerOptions();
    }

    /// <summary>Looks at the device the backup would be made of (for the consent question before the run).</summary>
    public async Task<DeviceFacts> LookAsync(string? udid, CancellationToken cancellationToken)
    {
        var probe = new DeviceProbe(_runner, new DeviceProbeOptions(udid, _options.ProbeTimeout, _options.ProbeTimeout));
        return DeviceFactsBuilder.Build(await probe.CaptureAsync(cancellationToken), _knowledge.Models);
    }

    /// <param name="device">The look taken before asking the person (<see cref="LookAsync"/>); taken here when null.</param>
    /// <param name="cancellationToken">Ctrl+C: the tool is stopped cleanly and the result says Cancelled (no exception while it runs).</param>
    public async Task<BackupMakeResult> MakeAsync(BackupMakeRequest request, DeviceFacts? device, IProgress<BackupMakeProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress?.Report(new BackupMakeProgress(BackupMakeStage.LookingAtDevice, BackupProgress.Start, 0, 0));
        device ??= await LookAsync(request.Udid, cancellationToken);
        var used = device.Disk.TotalDataCapacity is { } capacity && device.Disk.FreeBytes is { } deviceFree ? Math.Max(0, capacity - deviceFree) : (long?)null;
        BackupMakeResult Fail(BackupMakeStatus status) => new(status, device, null, BackupProgress.Start, null, false, null, null, null, device.Facts, null, used);

        if (device.State == ConnectionState.ToolMissing || _runner.Resolve(Tool) is null)
        {
            return Fail(BackupMakeStatus.ToolMissing);
        }

        if (device.State != ConnectionState.Connected || device.Udid is null)
        {
            return Fail(BackupMakeStatus.DeviceNotReady);
        }

        var willEncrypt = device.Backup.WillEncrypt == true;
        // An encrypted backup is verified only when it can be opened: a device that encrypts needs its password too.
        if ((request.Encrypt || willEncrypt) && request.Password is null)
        {
            return Fail(BackupMakeStatus.PasswordNeeded);
        }

        var turnOn = request.Encrypt && !willEncrypt;
        if (turnOn && !PromptAccepts(request.Password!))
        {
            return Fail(BackupMakeStatus.PasswordUnsupported);
        }

        string destination;
        try
        {
            destination = Path.GetFullPath(request.Destination);
            Directory.CreateDirectory(destination);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(BackupMakeStatus.DestinationUnusable);
        }

        var free = FreeBytes(destination);
        var folder = Path.Combine(destination, device.Udid);
        if (turnOn)
        {
            progress?.Report(new BackupMakeProgress(BackupMakeStage.TurningOnEncryption, BackupProgress.Start, 0, 0));
            var encryption = await TurnOnEncryptionAsync(device.Udid, request.Password!, cancellationToken);
            if (!encryption.Output.Succeeded || !encryption.Output.AllText.Contains(EncryptionEnabledLine, StringComparison.Ordinal))
            {
                var status = encryption.Output.Status == ToolRunStatus.Stopped ? BackupMakeStatus.Cancelled : BackupMakeStatus.EncryptionFailed;
                var findings = LogAnalyzer.Analyze(encryption.Output.AllText, _knowledge);
                var start = LogDiagnosis.FromText(encryption.Output.AllText, _knowledge, Tool);
                return new BackupMakeResult(status, device, folder, BackupProgress.Start, encryption.Output, encryption.Killed, null, findings, start,
                    device.Facts.Concat(start.Facts).DistinctBy(f => f.Key, StringComparer.Ordinal).ToList(), free, used);
            }
        }

        var (run, toolProgress) = await RunBackupAsync(device.Udid, destination, folder, request.FullBackup, progress, cancellationToken);
        if (run.Output.Status == ToolRunStatus.NotInstalled)
        {
            return Fail(BackupMakeStatus.ToolMissing);
        }

        // Verification runs even after Ctrl+C (without the per-file check then, to stop soon): it only reads, and it
        // says what was left behind. The password proof runs only when there is something to open.
        progress?.Report(new BackupMakeProgress(BackupMakeStage.Verifying, toolProgress, 0, 0));
        var keys = Directory.Exists(folder) && request.Password is not null && run.Output.Status == ToolRunStatus.Completed
            ? await UnlockAsync(folder, request.Password, progress, toolProgress, CancellationToken.None)
            : null;
        var report = Directory.Exists(folder)
            ? await new BackupVerifier(_time).VerifyAsync(folder, new VerifyOptions(Deep: run.Output.Status == ToolRunStatus.Completed, Keys: keys?.Keys), CancellationToken.None)
            : null;

        var toolSaysDone = run.Output.Status == ToolRunStatus.Completed && toolProgress.Result == BackupToolResult.Succeeded;
        var complete = toolSaysDone && report is { Verdict: BackupVerdict.Complete, FilesChecked: true };
        // Without the keys an encrypted backup's files cannot be checked, so a wrong password is judged on the tool's word.
        var passwordWrong = toolSaysDone && keys is { Encrypted: true, Keys: null };
        var outcome = run.Output.Status switch
        {
            ToolRunStatus.Stopped => BackupMakeStatus.Cancelled,
            ToolRunStatus.TimedOut => BackupMakeStatus.TimedOut,
            _ when passwordWrong => BackupMakeStatus.PasswordMismatch,
            _ when complete => BackupMakeStatus.Complete,
            _ => BackupMakeStatus.Failed,
        };

        var facts = new List<Fact>(device.Facts);
        DiagnosisStart? failure = null;
        LogAnalysis? analysis = null;
        if (outcome == BackupMakeStatus.Complete || outcome == BackupMakeStatus.PasswordMismatch)
        {
            var backupFacts = BackupFacts.From(report!, _time, FreeBytes(destination));
            // A backup whose password the person does not know cannot be restored by them: not a verified backup for the gate.
            facts.AddRange(passwordWrong
                ? backupFacts.Where(f => f.Key != FactKeys.BackupVerified).Append(new Fact(FactKeys.BackupVerified, "false", new FactSource(FactSourceKind.Backup, folder), "the tool finished, but the password given does not open the backup"))
                : backupFacts);
        }
        else
        {
            analysis = LogAnalyzer.Analyze(run.Output.AllText, _knowledge);
            failure = LogDiagnosis.FromText(run.Output.AllText, _knowledge, Tool);
            facts.AddRange(FailureFacts(failure, run.Output, toolProgress, free, used, folder));
        }

        // One fact per key: the device's own reading (first) wins over the same thing read back from the tool's log.
        var distinct = facts.DistinctBy(f => f.Key, StringComparer.Ordinal).ToList();
        return new BackupMakeResult(outcome, device, folder, toolProgress, run.Output, run.Killed, report, analysis, failure, distinct, free, used);
    }

    /// <summary>Printable ASCII only: idevicebackup2's prompt silently drops anything else, which would set another password.</summary>
    internal static bool PromptAccepts(byte[] password) =>
        password.Length is > 0 and <= MaxPromptPasswordLength && password.All(b => b is >= 0x20 and <= 0x7E);

    private async Task<InterruptibleRun> TurnOnEncryptionAsync(string udid, byte[] password, CancellationToken cancellationToken)
    {
        // "-i" makes the tool ask for the new password twice on its standard input: it never appears in an argument
        // list (visible to every user through ps) or an environment block.
        var input = new byte[(password.Length + 1) * 2];
        password.CopyTo(input, 0);
        input[password.Length] = (byte)'\n';
        password.CopyTo(input, password.Length + 1);
        input[^1] = (byte)'\n';
        try
        {
            // The device asks for its passcode to confirm (about 3 minutes).
            var request = new InterruptibleRequest(Tool, ["-u", udid, "-i", "encryption", "on"], _options.IdleTimeout, _options.StopGrace, input);
            return await _runner.RunInterruptibleAsync(request, null, cancellationToken);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(input);
        }
    }

    private async Task<(InterruptibleRun Run, BackupProgress Progress)> RunBackupAsync(
        string udid, string destination, string folder, bool full, IProgress<BackupMakeProgress>? progress, CancellationToken cancellationToken)
    {
        var parser = new BackupProgressParser();
        var sampler = new SnapshotSampler(folder, _time);
        var stage = BackupMakeStage.BackingUp;
        using var stopping = cancellationToken.Register(() =>
        {
            stage = BackupMakeStage.Stopping;
            progress?.Report(new BackupMakeProgress(stage, parser.Progress, sampler.Files, sampler.Bytes));
        });
        string[] arguments = full ? ["-u", udid, "backup", "--full", destination] : ["-u", udid, "backup", destination];
        var request = new InterruptibleRequest(Tool, arguments, _options.IdleTimeout, _options.StopGrace, Activity: () =>
        {
            var sample = sampler.Sample();
            progress?.Report(new BackupMakeProgress(stage, parser.Progress, sampler.Files, sampler.Bytes));
            return sample;
        });
        progress?.Report(new BackupMakeProgress(stage, parser.Progress, 0, 0));
        var run = await _runner.RunInterruptibleAsync(request, chunk =>
        {
            // The runner calls this under its lock, one chunk at a time.
            if (parser.Feed(chunk))
            {
                progress?.Report(new BackupMakeProgress(stage, parser.Progress, sampler.Files, sampler.Bytes));
            }
        }, cancellationToken);
        parser.Flush();
        return (run, parser.Progress);
    }

    private sealed record Unlock(bool Encrypted, BackupKeys? Keys);

    private async Task<Unlock?> UnlockAsync(string folder, byte[] password, IProgress<BackupMakeProgress>? progress, BackupProgress tool, CancellationToken cancellationToken)
    {
        ManifestProperties manifest;
        try
        {
            manifest = ManifestProperties.From(PlistReader.ReadFile(Path.Combine(folder, BackupFolder.ManifestPlist)) as PlistDict
                ?? throw new PlistFormatException("The top-level value is not a dictionary."));
        }
        catch (Exception ex) when (ex is PlistFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (!manifest.IsEncrypted)
        {
            return new Unlock(false, null);
        }

        Keybag keybag;
        try
        {
            keybag = Keybag.Parse((manifest.BackupKeyBag ?? throw new KeybagFormatException("no BackupKeyBag")).Span);
        }
        catch (KeybagFormatException)
        {
            return new Unlock(true, null);
        }

        progress?.Report(new BackupMakeProgress(BackupMakeStage.CheckingPassword, tool, 0, 0));
        var keys = await PasswordChecker.CheckAsync(keybag, password, null, cancellationToken);
        // Second proof (backup-format.md §6.2 step 4): the Manifest.db key must unwrap too.
        if (keys is not null && manifest.ManifestKey is { } entry && TryUnwrap(keys, entry.Span) is null)
        {
            keys = null;
        }

        return new Unlock(true, keys);
    }

    private static byte[]? TryUnwrap(BackupKeys keys, ReadOnlySpan<byte> entry)
    {
        try
        {
            return keys.UnwrapEntry(entry);
        }
        catch (EvidenceFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The log's facts (error code, encryption, backup.last-incomplete), plus what the run itself showed: a run
    /// that never said "Backup Successful." left the last backup incomplete; error 105, or a silent hang with
    /// the destination smaller than the device's data (#1384), means the destination is full.
    /// </summary>
    private static IEnumerable<Fact> FailureFacts(DiagnosisStart failure, ToolOutput output, BackupProgress tool, long? free, long? used, string folder)
    {
        var source = new FactSource(FactSourceKind.Log, Tool);
        foreach (var fact in failure.Facts)
        {
            yield return fact;
        }

        if (!failure.Facts.Any(f => f.Key == FactKeys.BackupLastIncomplete))
        {
            var how = output.Status switch
            {
                ToolRunStatus.Stopped => "stopped by the person",
                ToolRunStatus.TimedOut => "no progress for too long; stopped",
                _ => "the tool did not report success",
            };
            yield return new Fact(FactKeys.BackupLastIncomplete, "true", source, how + " (" + folder + ")");
        }

        if (tool.ErrorCode == 105)
        {
            yield return new Fact(FactKeys.BackupDestinationFull, "true", source, "ErrorCode 105: " + (tool.ErrorText ?? string.Empty));
        }
        else if (output.Status == ToolRunStatus.TimedOut && free is { } f && used is { } u && f < u)
        {
            yield return new Fact(FactKeys.BackupDestinationFull, "true", source,
                string.Create(CultureInfo.InvariantCulture, $"hung with {f} bytes free at the destination for {u} bytes of data on the device"));
        }
    }

    private static long? FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(folder)! : folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
