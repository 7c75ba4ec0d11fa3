using System.Globalization;
using Kiriwake.Evidence.Crypto;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// One pass over the manifest: counts by kind, the logical size, unknown flags and unreadable records; with a
/// <see cref="BlobIndex"/> also every file's presence and length (§5.4) and the orphans left over; with keys,
/// every present file decrypted and its padding and length checked.
/// </summary>
internal sealed class FileChecker
{
    private const int ProgressEvery = 4096;

    private readonly string _folder;
    private readonly bool _encrypted;
    private readonly VerifyOptions _options;
    // Examples are kept as row ids and named once the pass is over (names are not read per row).
    private readonly List<(long RowId, long? Expected, long? Actual)> _missing = [];
    private readonly List<(long RowId, long? Expected, long? Actual)> _wrongSize = [];
    private readonly List<(long RowId, long? Expected, long? Actual)> _unknownFlags = [];
    private readonly List<(long RowId, long? Expected, long? Actual)> _unreadable = [];
    private readonly List<(long RowId, long? Expected, long? Actual)> _decryptFailed = [];
    private readonly SortedSet<long> _unknownFlagValues = [];

    private long _records;
    private long _files;
    private long _directories;
    private long _symlinks;
    private long _unknownFlagCount;
    private long _unreadableRecords;
    private long _present;
    private long _missingCount;
    private long _zeroSizeMissing;
    private long _wrongSizeCount;
    private long _unreadableFiles;
    private long _decrypted;
    private long _decryptFailedCount;

    public FileChecker(string folder, bool encrypted, VerifyOptions options)
    {
        _folder = folder;
        _encrypted = encrypted;
        _options = options;
    }

    public long LogicalBytes { get; private set; }

    /// <summary>
    /// Runs the pass. Rows are read while the walk (<paramref name="walk"/>) is still going: those that need the
    /// walk wait in a compact list until it is done, so reading the database and listing the disk overlap.
    /// </summary>
    public async Task<FileCheckResult> RunAsync(ManifestSource source, Task<BlobIndex>? walk, long total, CancellationToken cancellationToken)
    {
        BlobIndex? index = null;
        Dictionary<FileIdKey, long>? blobs = null;
        // Sized once: at a quarter of a million files, growing by doubling would hold several copies at the peak.
        var waiting = new List<PendingFile>(walk is null ? 0 : (int)Math.Min(source.CountFiles(), 1 << 24));
        foreach (var entry in source.Rows(wantKeys: walk is not null && _encrypted && _options.Keys is not null))
        {
            if ((++_records & (ProgressEvery - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _options.Progress?.Report(new DeepCheckProgress(_records, total));
            }

            if (entry.RecordProblem is not null)
            {
                _unreadableRecords++;
                Add(_unreadable, entry);
                continue;
            }

            switch (entry.Flags)
            {
                case ManifestFlags.Directory:
                    _directories++;
                    continue;
                case ManifestFlags.Symlink:
                    _symlinks++;
                    continue;
                case ManifestFlags.File:
                    break;
                default:
                    _unknownFlagCount++;
                    _unknownFlagValues.Add(entry.Flags);
                    Add(_unknownFlags, entry);
                    continue;
            }

            _files++;
            LogicalBytes += entry.Size;
            if (walk is null)
            {
                continue;
            }

            if (blobs is null && walk.IsCompleted)
            {
                index = await walk;
                blobs = source.FlatLayout ? index.FlatBlobs : index.Blobs;
                foreach (var row in waiting)
                {
                    CheckBlob(row, blobs, source.FlatLayout);
                }

                waiting.Clear();
            }

            if (blobs is null)
            {
                waiting.Add(new PendingFile(entry.Id, entry.IdValid, entry.Size, entry.RowId, entry.EncryptionKey));
            }
            else
            {
                CheckBlob(new PendingFile(entry.Id, entry.IdValid, entry.Size, entry.RowId, entry.EncryptionKey), blobs, source.FlatLayout);
            }
        }

        if (walk is not null && blobs is null)
        {
            index = await walk;
            blobs = source.FlatLayout ? index.FlatBlobs : index.Blobs;
            foreach (var row in waiting)
            {
                CheckBlob(row, blobs, source.FlatLayout);
            }
        }

        _options.Progress?.Report(new DeepCheckProgress(_records, Math.Max(total, _records)));
        var orphans = new List<string>();
        long orphanCount = 0;
        if (index is not null)
        {
            // Blobs the manifest did not claim; the other layout's blobs count too (a flat blob in a 10+ backup).
            var other = source.FlatLayout ? index.Blobs : index.FlatBlobs;
            foreach (var key in blobs!.Keys.Concat(other.Keys))
            {
                orphanCount++;
                if (orphans.Count < _options.MaxExamples)
                {
                    string id = key.ToString();
                    orphans.Add(other.ContainsKey(key) == source.FlatLayout ? Path.Combine(id[..2], id) : id);
                }
            }

            orphanCount += index.StrayFiles.Count;
            orphans.AddRange(index.StrayFiles.Take(Math.Max(0, _options.MaxExamples - orphans.Count)));
        }

        return new FileCheckResult(
            _records, _files, _directories, _symlinks, _unknownFlagCount, _unreadableRecords,
            _present, _missingCount, _zeroSizeMissing, _wrongSizeCount, orphanCount, _unreadableFiles, _decrypted, _decryptFailedCount,
            Name(source, _missing), Name(source, _wrongSize), orphans, Name(source, _unknownFlags), Name(source, _unreadable), Name(source, _decryptFailed), _unknownFlagValues.ToArray());
    }

    private static FileExample[] Name(ManifestSource source, List<(long RowId, long? Expected, long? Actual)> rows) =>
        rows.Select(r => source.Describe(r.RowId, r.Expected, r.Actual)).ToArray();

    /// <summary>What matching a file needs, kept small: every file of the backup may wait here for the walk.</summary>
    private readonly record struct PendingFile(FileIdKey Id, bool IdValid, long Size, long RowId, byte[]? EncryptionKey);

    private void CheckBlob(PendingFile entry, Dictionary<FileIdKey, long> blobs, bool flat)
    {
        if (!entry.IdValid || !blobs.Remove(entry.Id, out long actual))
        {
            if (entry.Size == 0)
            {
                _zeroSizeMissing++;
            }
            else
            {
                _missingCount++;
                Add(_missing, entry);
            }

            return;
        }

        // Encrypted blobs carry 1–16 bytes of PKCS#7 padding (§5.4).
        long expected = _encrypted ? entry.Size + 16 - (entry.Size % 16) : entry.Size;
        if (actual != expected)
        {
            _wrongSizeCount++;
            if (_wrongSize.Count < _options.MaxExamples)
            {
                _wrongSize.Add((entry.RowId, expected, actual));
            }

            return;
        }

        _present++;
        if (_encrypted && _options.Keys is not null)
        {
            Decrypt(entry, flat);
        }
    }

    private void Decrypt(PendingFile entry, bool flat)
    {
        byte[]? fileKey = entry.EncryptionKey is { Length: BackupKeys.WrappedEntryLength } wrapped ? _options.Keys!.UnwrapEntry(wrapped) : null;
        try
        {
            if (fileKey is not null && BackupDecryptor.VerifyFile(BlobPath(entry.Id, flat), fileKey, entry.Size))
            {
                _decrypted++;
                return;
            }

            _decryptFailedCount++;
            Add(_decryptFailed, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _unreadableFiles++;
            Add(_unreadable, entry);
        }
    }

    private string BlobPath(FileIdKey id, bool flat)
    {
        string name = id.ToString();
        return flat ? Path.Combine(_folder, name) : Path.Combine(_folder, name[..2], name);
    }

    private void Add(List<(long RowId, long? Expected, long? Actual)> list, ManifestRow entry) => Add(list, entry.RowId);

    private void Add(List<(long RowId, long? Expected, long? Actual)> list, PendingFile entry) => Add(list, entry.RowId);

    private void Add(List<(long RowId, long? Expected, long? Actual)> list, long rowId)
    {
        if (list.Count < _options.MaxExamples)
        {
            list.Add((rowId, null, null));
        }
    }

    /// <summary>The reasons a finished check contributes.</summary>
    public static IEnumerable<BackupReason> Reasons(FileCheckResult r, bool deep)
    {
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        if (r.UnreadableRecords > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.RecordsUnreadable, BackupVerdict.Inconsistent, N(r.UnreadableRecords));
        }

        if (r.UnknownFlags > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.UnknownFlags, BackupVerdict.Inconsistent, N(r.UnknownFlags), string.Join(", ", r.UnknownFlagValues.Select(N)));
        }

        if (!deep)
        {
            yield break;
        }

        if (r.Missing > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.FilesMissing, BackupVerdict.Inconsistent, N(r.Missing), N(r.Files));
        }

        if (r.ZeroSizeMissing > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.ZeroSizeFilesMissing, BackupVerdict.Complete, N(r.ZeroSizeMissing));
        }

        if (r.WrongSize > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.FilesWrongSize, BackupVerdict.Inconsistent, N(r.WrongSize));
        }

        if (r.Orphans > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.OrphanFiles, BackupVerdict.Inconsistent, N(r.Orphans));
        }

        if (r.Unreadable > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.FilesUnreadable, BackupVerdict.Unreadable, N(r.Unreadable));
        }

        if (r.DecryptFailed > 0)
        {
            yield return BackupReason.Of(BackupReasonCode.FilesDecryptFailed, BackupVerdict.Inconsistent, N(r.DecryptFailed));
        }
    }
}
