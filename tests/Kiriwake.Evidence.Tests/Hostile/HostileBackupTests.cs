using System.Diagnostics;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kiriwake.Evidence.Tests.Hostile;

/// <summary>Issue 14, items 1, 3, 5 and 9: crafted and damaged backups end with a reason, never a hang or a crash.</summary>
public sealed class HostileBackupTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task<BackupReport> Verify(string folder, CancellationToken cancellationToken = default) =>
        new BackupVerifier(TimeProvider.System).VerifyAsync(folder, new VerifyOptions(Deep: true, MeasureDisk: true), cancellationToken);

    /// <summary>Replaces Files by a view that never ends (a recursive CTE): a real backup never has one.</summary>
    private static void MakeFilesARecursiveView(string folder)
    {
        string db = Path.Combine(folder, "Manifest.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                ALTER TABLE Files RENAME TO RealFiles;
                CREATE VIEW Files AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
                  SELECT printf('%040x', n) AS fileID, 'HomeDomain' AS domain, 'x' AS relativePath, 1 AS flags, NULL AS file FROM r;
                """;
            command.ExecuteNonQuery();
        }
    }

    [Fact]
    public async Task VerifyAsync_FilesIsARecursiveView_IsUnreadableWithoutRunningIt()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 5));
        MakeFilesARecursiveView(folder);

        var report = await Verify(folder);

        var reason = Assert.Single(report.Reasons, r => r.Code == BackupReasonCode.ManifestDbDamaged);
        Assert.Contains("not a table", string.Join(" ", reason.Args), StringComparison.Ordinal);
        Assert.Equal(BackupVerdict.Unreadable, report.Verdict);
    }

    [Fact]
    public void ReadRows_TokenCancelled_StopsWithOperationCanceled()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 200));
        using var cancel = new CancellationTokenSource();
        using var reader = ManifestDbReader.Open(Path.Combine(folder, "Manifest.db"), cancel.Token);
        cancel.Cancel();

        // SQLite's progress handler asks the token: the query stops instead of running to its end.
        Assert.ThrowsAny<OperationCanceledException>(() => reader.ReadEntries(wantKeys: false).Count());
    }

    [UnixFact]
    public async Task VerifyAsync_InfoPlistIsAFifo_ReportsItInsteadOfBlocking()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3));
        string info = Path.Combine(folder, "Info.plist");
        File.Delete(info);
        MakeFifo(info);

        // Before the fix the read blocked forever; the cancellation is only a guard for the test run itself.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var report = await Verify(folder, guard.Token);

        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.FolderUnreadable && string.Join(" ", r.Args).Contains("not a regular file", StringComparison.Ordinal));
    }

    [UnixFact]
    public async Task VerifyAsync_DirectorySymlinkLoopsInSnapshot_AreNotFollowed()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 6));
        string snapshot = Directory.CreateDirectory(Path.Combine(folder, "Snapshot")).FullName;
        File.CreateSymbolicLink(Path.Combine(snapshot, "self"), ".");
        File.CreateSymbolicLink(Path.Combine(snapshot, "loop"), "..");
        File.CreateSymbolicLink(Path.Combine(folder, "usr"), "/usr");
        long before = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Sum(f => new FileInfo(f).Length);

        var report = await Verify(folder);

        // What is on disk is the backup's own bytes: nothing of /usr, nothing counted twice through a loop.
        Assert.Equal(before, report.DiskBytes);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.SnapshotFolderLeft);
    }

    [UnixFact]
    public async Task VerifyAsync_ManifestMbdbLinkedToDevZero_IsRefusedNotReadForever()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3));
        File.Delete(Path.Combine(folder, "Manifest.db"));
        File.CreateSymbolicLink(Path.Combine(folder, "Manifest.mbdb"), "/dev/zero");

        var report = await Verify(folder);

        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.FolderUnreadable);
        Assert.Equal(BackupVerdict.Unreadable, report.Verdict);
    }

    [UnixFact]
    public void Open_WalIsASymlinkToAHugeFile_IsRefusedAndNothingIsCopied()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3));
        string huge = Path.Combine(_temp.Path, "huge.bin");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB that take no disk
        }

        File.CreateSymbolicLink(Path.Combine(folder, "Manifest.db-wal"), huge);

        var error = Assert.Throws<ManifestFormatException>(() => ManifestDbReader.Open(Path.Combine(folder, "Manifest.db")));

        // Refused before any copy is made: the size of the target is never read into the temporary folder.
        Assert.Contains("link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WalLargerThanTheCap_IsRefused()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3));
        using (var stream = File.Create(Path.Combine(folder, "Manifest.db-wal")))
        {
            stream.SetLength(ManifestDbReader.MaxWalBytes + 1);
        }

        var error = Assert.Throws<ManifestFormatException>(() => ManifestDbReader.Open(Path.Combine(folder, "Manifest.db")));

        Assert.Contains("MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_LeftoverPlainTextManifestFromAKilledRun_IsDeleted()
    {
        string tempRoot = _temp.Path;
        string stale = Directory.CreateDirectory(Path.Combine(tempRoot, "kiriwake-manifest-abc123")).FullName;
        File.WriteAllText(Path.Combine(stale, "Manifest.db"), "plain text file list");
        Directory.SetLastWriteTimeUtc(stale, DateTime.UnixEpoch);
        string fresh = Directory.CreateDirectory(Path.Combine(tempRoot, "kiriwake-manifest-fresh")).FullName;
        string deadProcess = Directory.CreateDirectory(Path.Combine(tempRoot, "kiriwake-wal-999999999-x")).FullName;
        string ours = Directory.CreateDirectory(Path.Combine(tempRoot, $"kiriwake-wal-{Environment.ProcessId}-y")).FullName;

        int deleted = TempLeftovers.Clean(tempRoot);

        Assert.Equal(2, deleted);
        Assert.False(Directory.Exists(stale));
        Assert.False(Directory.Exists(deadProcess));
        Assert.True(Directory.Exists(fresh));
        Assert.True(Directory.Exists(ours));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CreateFolder_AnyUmask_IsOwnerOnly()
    {
        string folder = TempLeftovers.CreateFolder("kiriwake-wal-");
        try
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [UnixFact]
    public void VerifyFile_BlobIsAFifoOrALinkToDevZero_IsUnreadableInsteadOfBlocking()
    {
        string fifo = Path.Combine(_temp.Path, "fifo-blob");
        MakeFifo(fifo);
        string zero = Path.Combine(_temp.Path, "zero-blob");
        File.CreateSymbolicLink(zero, "/dev/zero");

        Assert.Throws<IOException>(() => Kiriwake.Evidence.Crypto.BackupDecryptor.VerifyFile(fifo, new byte[32], 16));
        Assert.Throws<IOException>(() => Kiriwake.Evidence.Crypto.BackupDecryptor.VerifyFile(zero, new byte[32], 16));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
