using Microsoft.Data.Sqlite;

namespace Kiriwake.Evidence.Tests.Fixtures;

/// <summary>Ways to damage a generated backup the way interrupted runs, full disks and people do.</summary>
public static class BackupDamage
{
    /// <summary>The fileIDs of the rows with flags 1 and a non-zero size (read before encryption damage).</summary>
    public static IReadOnlyList<string> NonEmptyBlobs(string folder) =>
        Directory.EnumerateDirectories(folder)
            .Where(d => Path.GetFileName(d).Length == 2)
            .SelectMany(Directory.EnumerateFiles)
            .Where(f => new FileInfo(f).Length > 0)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray()!;

    public static string BlobPath(string folder, string fileId) => Path.Combine(folder, fileId[..2], fileId);

    public static void SetPhase(string folder, string snapshotState, string backupState = "new") =>
        File.WriteAllBytes(Path.Combine(folder, "Status.plist"), BackupFixture.StatusPlist(BackupSpec.DefaultDate, snapshotState, backupState));

    public static void LeaveSnapshot(string folder)
    {
        string snapshot = Path.Combine(folder, "Snapshot", "3f");
        Directory.CreateDirectory(snapshot);
        File.WriteAllBytes(Path.Combine(snapshot, "3f2a9c0e1b4d5f60718293a4b5c6d7e8f9012345"), new byte[100]);
    }

    public static void DeleteBlob(string folder, string fileId) => File.Delete(BlobPath(folder, fileId));

    public static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }

    public static void AddOrphan(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "e7"));
        File.WriteAllBytes(Path.Combine(folder, "e7", "e794f6ffcc3c222535f47684a63d5178da3c4500"), new byte[10]);
    }

    /// <summary>Sets the flags of one file row (e.g. 16: modified while uploading) in a clear Manifest.db.</summary>
    public static void SetFlags(string folder, string fileId, int flags)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "Manifest.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Files SET flags = $flags WHERE fileID = $id; PRAGMA wal_checkpoint(TRUNCATE);";
        command.Parameters.AddWithValue("$flags", flags);
        command.Parameters.AddWithValue("$id", fileId);
        command.ExecuteNonQuery();
        connection.Close();
        foreach (string leftover in new[] { "-wal", "-shm" })
        {
            File.Delete(Path.Combine(folder, "Manifest.db" + leftover));
        }
    }

    /// <summary>Every file's relative path, length and SHA-256, to prove a check left the folder byte-identical.</summary>
    public static IReadOnlyList<string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p)
                ? $"{Path.GetRelativePath(folder, p)} {new FileInfo(p).Length} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))} {File.GetLastWriteTimeUtc(p).Ticks}"
                : $"{Path.GetRelativePath(folder, p)}/")
            .ToArray();

    /// <summary>The flags BackupAgent2 gives a file modified while it was being uploaded (§5.2).</summary>
    public const int ModifiedWhileUploading = 16;
}
