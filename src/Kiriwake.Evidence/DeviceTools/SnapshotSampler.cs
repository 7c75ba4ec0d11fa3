namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Counts the files (and their bytes) the device has uploaded into <c>&lt;UDID&gt;/Snapshot/</c> so far — the
/// one progress figure every idevicebackup2 version gives, since 1.3.0 names no file. A scan is at most one
/// every <see cref="MinInterval"/>; between scans the last figures are returned. Only reads.
/// </summary>
internal sealed class SnapshotSampler
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(2);

    private static readonly EnumerationOptions s_walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    private readonly string _snapshot;
    private readonly TimeProvider _time;
    private long _lastScan;
    private bool _scanned;

    public SnapshotSampler(string backupFolder, TimeProvider time)
    {
        _snapshot = Path.Combine(backupFolder, "Snapshot");
        _time = time;
    }

    public long Files { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>A number that changes whenever the files or bytes change (the runner's sign of life).</summary>
    public long Sample()
    {
        if (!_scanned || _time.GetElapsedTime(_lastScan) >= MinInterval)
        {
            Scan();
        }

        return (Files * 1_000_003) ^ Bytes;
    }

    private void Scan()
    {
        _scanned = true;
        _lastScan = _time.GetTimestamp();
        long files = 0, bytes = 0;
        try
        {
            if (Directory.Exists(_snapshot))
            {
                foreach (var file in new DirectoryInfo(_snapshot).EnumerateFiles("*", s_walk))
                {
                    files++;
                    bytes += file.Length;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The tool moves and removes files while we look: keep the figures we have.
            return;
        }

        // Moving the snapshot into place empties it: the count of what was received does not go back down.
        Files = Math.Max(Files, files);
        Bytes = Math.Max(Bytes, bytes);
    }
}
