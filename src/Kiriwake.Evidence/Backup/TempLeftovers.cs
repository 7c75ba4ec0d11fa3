using System.Diagnostics;
using System.Globalization;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// Private temporary folders for copies of a backup's Manifest.db and -wal, named with the process id, and the
/// clean-up of those a killed process left behind (and of the plain-text Manifest.db copies older versions
/// decrypted to disk). Runs once per process, before the first folder is made.
/// </summary>
internal static class TempLeftovers
{
    /// <summary>Older versions decrypted Manifest.db into such folders; none is made any more.</summary>
    private const string LegacyPrefix = "kiriwake-manifest-";

    private static readonly Lazy<int> s_cleaned = new(() => Clean(Path.GetTempPath()));

    /// <summary>Deletes leftovers (once per process), then makes an owner-only folder <c>PREFIXpid-random</c>.</summary>
    public static string CreateFolder(string prefix)
    {
        _ = s_cleaned.Value;
        // CreateTempSubdirectory makes the folder with mode 0700 on Unix, whatever the umask.
        return Directory.CreateTempSubdirectory(prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-").FullName;
    }

    /// <summary>Removes leftovers now (called when a backup is first opened).</summary>
    public static void CleanOnce() => _ = s_cleaned.Value;

    /// <summary>Deletes legacy decrypted copies, and copies whose process is gone. Returns how many were deleted.</summary>
    public static int Clean(string tempFolder)
    {
        int deleted = 0;
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(tempFolder, "kiriwake-*").ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            // A legacy folder may belong to an older kiriwake still running: only one untouched for a while is stale.
            bool stale = (name.StartsWith(LegacyPrefix, StringComparison.Ordinal) && IsOld(folder))
                || (name.StartsWith("kiriwake-wal-", StringComparison.Ordinal) && !IsAlive(name["kiriwake-wal-".Length..]));
            if (!stale)
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's folder (a shared /tmp) or one in use: not ours to remove.
            }
        }

        return deleted;
    }

    /// <summary>How long a legacy folder is left alone: an older version's verify writes its copy at the start.</summary>
    public static readonly TimeSpan LegacyAge = TimeSpan.FromMinutes(10);

    private static bool IsOld(string folder)
    {
        try
        {
            return TimeProvider.System.GetUtcNow() - new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder), TimeSpan.Zero) > LegacyAge;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsAlive(string pidAndRandom)
    {
        var dash = pidAndRandom.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(pidAndRandom.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
