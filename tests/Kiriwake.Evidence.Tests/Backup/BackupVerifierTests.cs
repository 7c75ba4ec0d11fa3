using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Evidence.Tests.Backup;

public sealed class BackupVerifierTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task<BackupReport> Verify(string folder, bool deep = true) =>
        new BackupVerifier(TimeProvider.System).VerifyAsync(folder, new VerifyOptions(Deep: deep), CancellationToken.None);

    [Fact]
    public async Task VerifyAsync_CompleteBackupDeep_IsCompleteAndLeavesFolderByteIdentical()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 40));
        var before = BackupDamage.Snapshot(folder);

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Complete, report.Verdict);
        Assert.DoesNotContain(report.Reasons, r => r.Implies != BackupVerdict.Complete);
        Assert.Equal(40, report.Files!.Files);
        Assert.Equal(40, report.Files.Present);
        Assert.Equal(0, report.Files.Orphans);
        Assert.True(report.FilesChecked);
        Assert.Equal("太郎のiPhone", report.Device!.DeviceName);
        Assert.Equal(BackupDateSource.StatusPlist, report.Date!.Source);
        Assert.False(report.Encrypted);
        Assert.True(report.DiskBytes > report.LogicalBytes);
        Assert.Equal(before, BackupDamage.Snapshot(folder));
    }

    [Fact]
    public async Task VerifyAsync_CompleteBackupQuick_SaysFinishedAloneAndFilesNotChecked()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());

        var report = await Verify(folder, deep: false);

        Assert.Equal(BackupVerdict.Complete, report.Verdict);
        Assert.False(report.FilesChecked);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.StatusFinishedAlone);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.FilesNotChecked);
    }

    [Theory]
    [InlineData("uploading", SnapshotState.Uploading)]
    [InlineData("moving", SnapshotState.Moving)]
    [InlineData("removing", SnapshotState.Removing)]
    public async Task VerifyAsync_StatusInEachPhase_IsInterruptedInThatPhase(string state, SnapshotState phase)
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        BackupDamage.SetPhase(folder, state);
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(folder, "Status.plist")), TimeSpan.Zero);
        var verifier = new BackupVerifier(new FixedTimeProvider(written.AddDays(1)));

        var report = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);

        Assert.Equal(BackupVerdict.Interrupted, report.Verdict);
        Assert.Equal(phase, report.Phase);
        Assert.DoesNotContain(report.Reasons, r => r.Code == BackupReasonCode.MayStillBeRunning);
    }

    [Fact]
    public async Task VerifyAsync_SnapshotFolderLeftWithFinishedStatus_IsInterrupted()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        BackupDamage.LeaveSnapshot(folder);

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Interrupted, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.SnapshotFolderLeft);
        Assert.Equal(0, report.Files!.Orphans);
    }

    [Fact]
    public async Task VerifyAsync_StatusJustWrittenInUploading_MayStillBeRunning()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        BackupDamage.SetPhase(folder, "uploading");
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(folder, "Status.plist")), TimeSpan.Zero);
        var verifier = new BackupVerifier(new FixedTimeProvider(written.AddMinutes(3)));

        var report = await verifier.VerifyAsync(folder, new VerifyOptions(), CancellationToken.None);

        Assert.Equal(BackupVerdict.Interrupted, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.MayStillBeRunning && r.Args[0] == "3");
    }

    [Fact]
    public async Task VerifyAsync_MissingAndTruncatedBlobsAndOrphan_IsInconsistentWithExamples()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 30));
        var blobs = BackupDamage.NonEmptyBlobs(folder);
        BackupDamage.DeleteBlob(folder, blobs[0]);
        BackupDamage.Truncate(BackupDamage.BlobPath(folder, blobs[1]), 0);
        BackupDamage.AddOrphan(folder);

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Inconsistent, report.Verdict);
        Assert.Equal(1, report.Files!.Missing);
        Assert.Equal(blobs[0], Assert.Single(report.Files.MissingExamples).FileId);
        Assert.Equal(1, report.Files.WrongSize);
        Assert.Equal(0, report.Files.WrongSizeExamples[0].Actual);
        Assert.Equal(1, report.Files.Orphans);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.FilesMissing && r.Args[0] == "1" && r.Args[1] == "30");
    }

    [Fact]
    public async Task VerifyAsync_UnknownFlags_IsInconsistent()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        string id = BackupDamage.NonEmptyBlobs(folder)[0];
        BackupDamage.SetFlags(folder, id, BackupDamage.ModifiedWhileUploading);

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Inconsistent, report.Verdict);
        Assert.Equal(1, report.Files!.UnknownFlags);
        Assert.Equal([16L], report.Files.UnknownFlagValues);
        Assert.Equal(1, report.Files.Orphans); // its blob is no longer claimed by a regular-file row
    }

    [Fact]
    public async Task VerifyAsync_ManifestDbNotSqlite_IsUnreadable()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        File.WriteAllText(Path.Combine(folder, "Manifest.db"), "this is not a database");

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Unreadable, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.ManifestDbDamaged);
    }

    [Fact]
    public async Task VerifyAsync_ManifestDbCutShort_IsUnreadable()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 200));
        string db = Path.Combine(folder, "Manifest.db");
        BackupDamage.Truncate(db, new FileInfo(db).Length / 2);

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Unreadable, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.ManifestDbDamaged);
    }

    [Fact]
    public async Task VerifyAsync_PreSeededFinishedStatusWithEmptyManifest_IsInterrupted()
    {
        // pymobiledevice3/Netimobiledevice write "finished" and an empty Manifest.plist before the device starts (§3.3).
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        File.WriteAllBytes(Path.Combine(folder, "Manifest.plist"), []);
        File.Delete(Path.Combine(folder, "Manifest.db"));

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Interrupted, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.ManifestPlistEmpty);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.ManifestDbMissing);
    }

    [Fact]
    public async Task VerifyAsync_TruncatedStatusPlist_IsUnreadable()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        BackupDamage.Truncate(Path.Combine(folder, "Status.plist"), 60);

        var report = await Verify(folder);

        Assert.Equal(BackupVerdict.Unreadable, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.StatusMalformed);
    }

    [Fact]
    public async Task VerifyAsync_FolderWithoutMetadata_IsNotABackup()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "notes.txt"), "hello");

        var report = await Verify(_temp.Path);

        Assert.Equal(BackupVerdict.Unreadable, report.Verdict);
        Assert.Equal(BackupReasonCode.NotABackup, Assert.Single(report.Reasons).Code);
    }

    [Fact]
    public async Task VerifyAsync_Cancelled_ThrowsOperationCanceled()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 500, MaxFileBytes: 10));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BackupVerifier(TimeProvider.System).VerifyAsync(folder, new VerifyOptions(Deep: true), cts.Token));
    }
}
