using System.Globalization;
using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// Verifies one backup folder: reads its plists and file list and, deep, checks every file (§3.4 checklist).
/// Opens everything read-only; decrypted copies go to temporary files deleted before returning.
/// </summary>
public sealed class BackupVerifier
{
    /// <summary>Files touched this recently may belong to a backup that is still being written.</summary>
    public static readonly TimeSpan StillRunningWindow = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;

    public BackupVerifier(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Verifies <paramref name="folder"/>. Problems with the backup become reasons, never exceptions.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<BackupReport> VerifyAsync(string folder, VerifyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reasons = new List<BackupReason>();
        if (!Directory.Exists(folder))
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.FolderMissing, BackupVerdict.Unreadable, folder));
            return Empty(folder, reasons);
        }

        if (!CanList(folder, out var denied))
        {
            // Not "not a backup": the folder may well be one, this user just may not look inside.
            reasons.Add(BackupReason.Of(BackupReasonCode.PermissionDenied, BackupVerdict.Unreadable, denied));
            return Empty(folder, reasons);
        }

        if (!BackupFolder.IsCandidate(folder))
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.NotABackup, BackupVerdict.Unreadable));
            return Empty(folder, reasons);
        }

        // The walk (one stat per file) runs beside the manifest reading: the two are independent until matched.
        bool walk = options.Deep || options.MeasureDisk;
        var index = walk ? Task.Run(() => BlobIndex.Build(folder, cancellationToken), cancellationToken) : null;

        var status = ReadPlist(folder, BackupFolder.StatusPlist, BackupReasonCode.StatusMissing, BackupVerdict.Interrupted, BackupReasonCode.StatusMalformed, reasons, allowEmpty: false);
        var info = ReadPlist(folder, BackupFolder.InfoPlist, BackupReasonCode.InfoMissing, BackupVerdict.Inconsistent, BackupReasonCode.InfoMalformed, reasons, allowEmpty: false);
        var manifestPlist = ReadPlist(folder, BackupFolder.ManifestPlist, BackupReasonCode.ManifestPlistMissing, BackupVerdict.Interrupted, BackupReasonCode.ManifestPlistMalformed, reasons, allowEmpty: true);
        var backupStatus = status is null ? null : BackupStatus.From(status);
        var device = info is null ? null : BackupDeviceInfo.From(info);
        var manifest = manifestPlist is null ? null : ManifestProperties.From(manifestPlist);
        SnapshotState? phase = CheckStatus(backupStatus, reasons);
        bool snapshotLeft = Directory.Exists(Path.Combine(folder, BackupFolder.Snapshot));
        if (snapshotLeft)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.SnapshotFolderLeft, BackupVerdict.Interrupted));
            phase ??= SnapshotState.Unknown;
        }

        if (phase is not null)
        {
            CheckStillRunning(folder, reasons);
        }

        FileCheckResult? files = null;
        long? logical = null;
        BlobIndex? blobs = null;
        try
        {
            using var source = ManifestSource.Open(folder, manifest, options.Keys, reasons, cancellationToken);
            if (source is not null)
            {
                var checker = new FileChecker(folder, manifest?.IsEncrypted ?? false, options);
                try
                {
                    long total = options.Progress is null ? 0 : source.Count();
                    files = await checker.RunAsync(source, options.Deep ? index : null, total, cancellationToken);
                    logical = checker.LogicalBytes;
                    reasons.AddRange(FileChecker.Reasons(files, options.Deep));
                }
                catch (ManifestFormatException e)
                {
                    reasons.Add(BackupReason.Of(BackupReasonCode.ManifestDbDamaged, BackupVerdict.Unreadable, e.Message));
                }
            }
        }
        catch (UnauthorizedAccessException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.PermissionDenied, BackupVerdict.Unreadable, e.Message));
        }
        catch (IOException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.FolderUnreadable, BackupVerdict.Unreadable, folder, e.Message));
        }

        blobs = await Settle(index, folder, reasons);
        bool filesChecked = options.Deep && files is not null && blobs is not null;
        if (!filesChecked && files is not null)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.FilesNotChecked, BackupVerdict.Complete));
        }

        if (!filesChecked && backupStatus?.SnapshotState == SnapshotState.Finished)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.StatusFinishedAlone, BackupVerdict.Complete));
        }

        var dates = Dates(folder, backupStatus, device, manifest);
        var verdict = reasons.Count == 0 ? BackupVerdict.Complete : reasons.Max(r => r.Implies);
        return new BackupReport(
            folder,
            verdict,
            verdict == BackupVerdict.Interrupted ? phase ?? SnapshotState.Unknown : null,
            reasons,
            device,
            backupStatus,
            manifest,
            PickDate(dates, backupStatus),
            dates,
            manifest?.IsEncrypted,
            logical,
            blobs?.DiskBytes,
            files,
            filesChecked);
    }

    /// <summary>The finished walk, whatever happened to the manifest pass; its failure becomes a reason once.</summary>
    private static async Task<BlobIndex?> Settle(Task<BlobIndex>? walk, string folder, List<BackupReason> reasons)
    {
        if (walk is null)
        {
            return null;
        }

        try
        {
            return await walk;
        }
        catch (UnauthorizedAccessException e)
        {
            if (!reasons.Any(r => r.Code == BackupReasonCode.PermissionDenied))
            {
                reasons.Add(BackupReason.Of(BackupReasonCode.PermissionDenied, BackupVerdict.Unreadable, e.Message));
            }
        }
        catch (IOException e)
        {
            if (!reasons.Any(r => r.Code == BackupReasonCode.FolderUnreadable))
            {
                reasons.Add(BackupReason.Of(BackupReasonCode.FolderUnreadable, BackupVerdict.Unreadable, folder, e.Message));
            }
        }

        return null;
    }

    private static bool CanList(string folder, out string reason)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
            reason = string.Empty;
            return true;
        }
        catch (UnauthorizedAccessException e)
        {
            reason = e.Message;
            return false;
        }
    }

    private static BackupReport Empty(string folder, List<BackupReason> reasons) =>
        new(folder, BackupVerdict.Unreadable, null, reasons, null, null, null, null, [], null, null, null, null, false);

    /// <summary>Status.plist against MBStatus's rules (§3.1); returns the interrupted phase, if any.</summary>
    private static SnapshotState? CheckStatus(BackupStatus? status, List<BackupReason> reasons)
    {
        if (status is null)
        {
            // Missing is already a reason; a malformed one leaves the phase unknown.
            return reasons.Any(r => r.Code == BackupReasonCode.StatusMissing) ? SnapshotState.Unknown : null;
        }

        SnapshotState? phase = null;
        if (status.SnapshotState == SnapshotState.Unknown)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.StatusNoState, BackupVerdict.Inconsistent));
        }
        else if (status.SnapshotState != SnapshotState.Finished)
        {
            phase = status.SnapshotState;
            reasons.Add(BackupReason.Of(BackupReasonCode.StatusNotFinished, BackupVerdict.Interrupted, status.SnapshotStateName!));
        }

        if (status.BackupState != BackupState.New && status.SnapshotState != SnapshotState.Unknown)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.StatusNotNew, BackupVerdict.Interrupted, status.BackupStateName ?? "?"));
            phase ??= SnapshotState.Unknown;
        }

        if (status.Version is not null && !status.IsSupportedVersion)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.StatusUnsupportedVersion, BackupVerdict.Inconsistent, status.Version));
        }

        return phase;
    }

    private void CheckStillRunning(string folder, List<BackupReason> reasons)
    {
        var now = _time.GetUtcNow();
        var newest = new[] { BackupFolder.StatusPlist, BackupFolder.ManifestDb, BackupFolder.Snapshot }
            .Select(name => Path.Combine(folder, name))
            .Where(p => File.Exists(p) || Directory.Exists(p))
            .Select(p => new DateTimeOffset(File.GetLastWriteTimeUtc(p), TimeSpan.Zero))
            .DefaultIfEmpty(DateTimeOffset.MinValue)
            .Max();
        var age = now - newest;
        if (age >= TimeSpan.Zero && age < StillRunningWindow)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.MayStillBeRunning, BackupVerdict.Interrupted, ((int)age.TotalMinutes).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static PlistDict? ReadPlist(string folder, string name, BackupReasonCode missing, BackupVerdict missingImplies, BackupReasonCode malformed, List<BackupReason> reasons, bool allowEmpty)
    {
        string path = Path.Combine(folder, name);
        try
        {
            if (!File.Exists(path))
            {
                reasons.Add(BackupReason.Of(missing, missingImplies));
                return null;
            }

            if (allowEmpty && new FileInfo(path).Length == 0)
            {
                reasons.Add(BackupReason.Of(BackupReasonCode.ManifestPlistEmpty, BackupVerdict.Interrupted));
                return null;
            }

            return PlistReader.ReadFile(path) as PlistDict ?? throw new PlistFormatException("The top-level value is not a dictionary.");
        }
        catch (PlistFormatException e)
        {
            reasons.Add(BackupReason.Of(malformed, BackupVerdict.Unreadable, e.Message));
        }
        catch (UnauthorizedAccessException)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.PermissionDenied, BackupVerdict.Unreadable, name));
        }
        catch (IOException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.FolderUnreadable, BackupVerdict.Unreadable, name, e.Message));
        }

        return null;
    }

    private static List<BackupDate> Dates(string folder, BackupStatus? status, BackupDeviceInfo? device, ManifestProperties? manifest)
    {
        var dates = new List<BackupDate>();
        if (status?.Date is { } s)
        {
            dates.Add(new BackupDate(s, BackupDateSource.StatusPlist));
        }

        if (device?.LastBackupDate is { } i)
        {
            dates.Add(new BackupDate(i, BackupDateSource.InfoPlist));
        }

        if (manifest?.Date is { } m)
        {
            dates.Add(new BackupDate(m, BackupDateSource.ManifestPlist));
        }

        string statusPath = Path.Combine(folder, BackupFolder.StatusPlist);
        if (File.Exists(statusPath))
        {
            dates.Add(new BackupDate(new DateTimeOffset(File.GetLastWriteTimeUtc(statusPath), TimeSpan.Zero), BackupDateSource.FileTime));
        }

        return dates;
    }

    /// <summary>
    /// The device-written Status.plist date when it says finished; otherwise Info.plist's (host-written), then
    /// Manifest.plist's, then the file time. The sources disagree in the wild (§2), so all are reported too.
    /// </summary>
    private static BackupDate? PickDate(List<BackupDate> dates, BackupStatus? status)
    {
        BackupDate? From(BackupDateSource source) => dates.FirstOrDefault(d => d.Source == source);
        return (status?.SnapshotState == SnapshotState.Finished ? From(BackupDateSource.StatusPlist) : null)
            ?? From(BackupDateSource.InfoPlist)
            ?? From(BackupDateSource.ManifestPlist)
            ?? From(BackupDateSource.StatusPlist)
            ?? From(BackupDateSource.FileTime);
    }
}
