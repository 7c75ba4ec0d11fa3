using System.IO.Enumeration;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// What is on disk in a backup folder: every blob by fileID with its length, other files, the total size,
/// and whether a leftover <c>Snapshot/</c> folder exists. Built in one pass, one stat per file (like
/// <c>find -printf %s</c>).
/// </summary>
public sealed class BlobIndex
{
    private static readonly EnumerationOptions s_options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private BlobIndex(Dictionary<FileIdKey, long> blobs, Dictionary<FileIdKey, long> flatBlobs, List<string> strayFiles, long diskBytes, long fileCount, bool hasSnapshot)
    {
        Blobs = blobs;
        FlatBlobs = flatBlobs;
        StrayFiles = strayFiles;
        DiskBytes = diskBytes;
        FileCount = fileCount;
        HasSnapshotFolder = hasSnapshot;
    }

    /// <summary>Blobs in <c>xx/</c> sub-folders (iOS 10+), with their lengths.</summary>
    public Dictionary<FileIdKey, long> Blobs { get; }

    /// <summary>Blobs directly in the backup folder (iOS ≤ 9 layout), with their lengths.</summary>
    public Dictionary<FileIdKey, long> FlatBlobs { get; }

    /// <summary>Files in the <c>xx/</c> sub-folders whose names are not fileIDs, relative to the backup folder.</summary>
    public List<string> StrayFiles { get; }

    /// <summary>Bytes of every file under the backup folder, metadata and <c>Snapshot/</c> included.</summary>
    public long DiskBytes { get; }

    public long FileCount { get; }

    public bool HasSnapshotFolder { get; }

    /// <summary>Walks <paramref name="folder"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">A sub-folder cannot be listed.</exception>
    /// <exception cref="IOException">The folder cannot be read.</exception>
    public static BlobIndex Build(string folder, CancellationToken cancellationToken)
    {
        Dictionary<FileIdKey, long> blobs;
        var flat = new Dictionary<FileIdKey, long>();
        var stray = new List<string>();
        long diskBytes = 0;
        long fileCount = 0;
        bool snapshot = false;
        var subfolders = new List<string>();
        foreach (var (name, isDirectory, isLink, length) in List(folder))
        {
            if (isDirectory && isLink)
            {
                // A link to a folder is never followed: a backup has none, and one could point at itself or at /usr.
                continue;
            }

            if (isDirectory)
            {
                if (name == "Snapshot")
                {
                    snapshot = true;
                }

                subfolders.Add(name);
                continue;
            }

            diskBytes += length;
            fileCount++;
            if (FileIdKey.TryParse(name, out var key))
            {
                flat[key] = length;
            }
        }

        // The xx/ folders are listed in parallel: the time goes to one stat per file, which the kernel serves on
        // every core, and the walk is the longer of the two jobs running side by side (the manifest reader
        // finishes first). Each worker fills its own table; the tables are merged at the end.
        var partials = new List<Partial>();
        try
        {
            RunParallel(folder, subfolders, partials, cancellationToken);
        }
        catch (AggregateException e) when (FirstFileError(e) is { } inner)
        {
            // The parallel walk wraps what a worker met (a folder that may not be read, a disk error): callers see
            // the same exception a sequential walk would throw, and report it as a reason.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
        }

        // One table sized for all blobs, filled from the workers' tables (no growth copies at the peak).
        blobs = new Dictionary<FileIdKey, long>(partials.Sum(p => p.Blobs.Count));
        foreach (var partial in partials)
        {
            diskBytes += partial.DiskBytes;
            fileCount += partial.FileCount;
            stray.AddRange(partial.Stray);
            foreach (var (key, length) in partial.Blobs)
            {
                blobs[key] = length;
            }

            partial.Blobs.Clear();
            partial.Blobs.TrimExcess();
        }

        stray.Sort(StringComparer.Ordinal);
        return new BlobIndex(blobs, flat, stray, diskBytes, fileCount, snapshot);
    }

    private static Exception? FirstFileError(AggregateException e) =>
        e.Flatten().InnerExceptions.FirstOrDefault(x => x is UnauthorizedAccessException)
        ?? e.Flatten().InnerExceptions.FirstOrDefault(x => x is IOException);

    private static void RunParallel(string folder, List<string> subfolders, List<Partial> partials, CancellationToken cancellationToken) =>
        Parallel.ForEach(
            subfolders,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Partial(cancellationToken),
            (sub, _, partial) =>
            {
                partial.Add(folder, sub);
                return partial;
            },
            partial =>
            {
                lock (partials)
                {
                    partials.Add(partial);
                }
            });

    /// <summary>One worker's share of the walk.</summary>
    private sealed class Partial(CancellationToken cancellationToken)
    {
        public Dictionary<FileIdKey, long> Blobs { get; } = [];

        public List<string> Stray { get; } = [];

        public long DiskBytes { get; private set; }

        public long FileCount { get; private set; }

        public void Add(string folder, string sub)
        {
            bool blobFolder = sub.Length == 2 && Uri.IsHexDigit(sub[0]) && Uri.IsHexDigit(sub[1]);
            if (!blobFolder)
            {
                // Snapshot/ and anything else count toward the size on disk only.
                var (bytes, files) = SumTree(Path.Combine(folder, sub), cancellationToken);
                DiskBytes += bytes;
                FileCount += files;
                return;
            }

            var enumerable = new FileSystemEnumerable<(FileIdKey Key, bool IsBlob, string? Name, long Length)>(
                Path.Combine(folder, sub),
                (ref FileSystemEntry e) => FileIdKey.TryParse(e.FileName, out var k)
                    ? (k, true, null, e.Length)
                    : (default, false, e.FileName.ToString(), e.Length),
                s_options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
            };
            foreach (var entry in enumerable)
            {
                if ((FileCount & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                DiskBytes += entry.Length;
                FileCount++;
                if (entry.IsBlob)
                {
                    Blobs[entry.Key] = entry.Length;
                }
                else
                {
                    Stray.Add(Path.Combine(sub, entry.Name!));
                }
            }
        }
    }

    private static FileSystemEnumerable<(string Name, bool IsDirectory, bool IsLink, long Length)> List(string folder) =>
        new(folder, (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, IsLink(ref e), e.IsDirectory ? 0 : e.Length), s_options);

    private static bool IsLink(ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>Bytes and files under <paramref name="folder"/>; links to folders are not followed (a loop would never end).</summary>
    private static (long Bytes, long Files) SumTree(string folder, CancellationToken cancellationToken)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
        long bytes = 0;
        long files = 0;
        var all = new FileSystemEnumerable<long>(folder, (ref FileSystemEntry e) => e.IsDirectory ? 0 : e.Length, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(ref e),
        };
        foreach (long length in all)
        {
            if ((files & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            bytes += length;
            files++;
        }

        return (bytes, files);
    }
}
