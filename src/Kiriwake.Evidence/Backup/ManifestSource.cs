using Kiriwake.Evidence.Crypto;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// The file list of a backup, whichever form it takes: Manifest.db (clear, or decrypted into memory, never to
/// disk) or Manifest.mbdb (iOS ≤ 9, flat blob layout).
/// </summary>
internal sealed class ManifestSource : IDisposable
{
    private readonly ManifestDbReader? _db;
    private readonly IReadOnlyList<ManifestEntry>? _mbdb;
    /// <summary>A Manifest.mbdb holds one record per file; a million-file backup's is well under this.</summary>
    public const long MaxMbdbBytes = 1024L * 1024 * 1024;

    private ManifestSource(ManifestDbReader? db, IReadOnlyList<ManifestEntry>? mbdb)
    {
        _db = db;
        _mbdb = mbdb;
    }

    /// <summary>True for Manifest.mbdb backups, whose blobs lie directly in the backup folder.</summary>
    public bool FlatLayout => _mbdb is not null;

    public IEnumerable<ManifestEntry> Entries(bool wantKeys) => _db?.ReadEntries(wantKeys) ?? _mbdb!;

    /// <summary>The rows for the file check (the Manifest.mbdb list is converted; its row ids are list indexes).</summary>
    public IEnumerable<ManifestRow> Rows(bool wantKeys) => _db?.ReadRows(wantKeys) ?? _mbdb!.Select((e, i) =>
    {
        bool valid = FileIdKey.TryParse(e.FileId, out var key);
        return new ManifestRow(i, key, valid, e.Flags, e.Size, e.ProtectionClass, e.EncryptionKey, e.RecordProblem);
    });

    /// <summary>Names a row for an example.</summary>
    public FileExample Describe(long rowId, long? expected = null, long? actual = null)
    {
        var (fileId, domain, path) = _db?.Describe(rowId) ?? (_mbdb![(int)rowId].FileId, _mbdb[(int)rowId].Domain, _mbdb[(int)rowId].RelativePath);
        return new FileExample(domain, path, fileId, expected, actual);
    }

    /// <summary>The number of records, for progress.</summary>
    public long Count() => _db?.CountRows() ?? _mbdb!.Count;

    /// <summary>The number of regular-file records.</summary>
    public long CountFiles() => _db?.CountFileRows() ?? _mbdb!.Count(e => e.Flags == ManifestFlags.File);

    public void Dispose()
    {
        _db?.Dispose();
    }

    /// <summary>Opens the file list, or returns null with the reason it cannot be read.</summary>
    public static ManifestSource? Open(string folder, ManifestProperties? manifest, BackupKeys? keys, List<BackupReason> reasons, CancellationToken cancellationToken = default)
    {
        TempLeftovers.CleanOnce();
        string db = Path.Combine(folder, "Manifest.db");
        string mbdb = Path.Combine(folder, "Manifest.mbdb");
        if (!File.Exists(db))
        {
            if (File.Exists(mbdb))
            {
                return OpenMbdb(mbdb, reasons, cancellationToken);
            }

            reasons.Add(BackupReason.Of(BackupReasonCode.ManifestDbMissing, BackupVerdict.Interrupted));
            return null;
        }

        if (new FileInfo(db).Length == 0)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.ManifestDbEmpty, BackupVerdict.Interrupted));
            return null;
        }

        // iOS ≥ 10.2 encrypts Manifest.db itself; ManifestKey in Manifest.plist says so (§4).
        if (manifest is { IsEncrypted: true, ManifestKey: { } manifestKey })
        {
            if (keys is null)
            {
                reasons.Add(BackupReason.Of(BackupReasonCode.EncryptedNeedsPassword, BackupVerdict.Complete));
                return null;
            }

            try
            {
                var memory = BackupDecryptor.DecryptManifestToMemory(db, manifestKey.Span, keys, cancellationToken);
                return new ManifestSource(ManifestDbReader.OpenDecrypted(memory, cancellationToken), null);
            }
            catch (EvidenceFormatException e)
            {
                reasons.Add(BackupReason.Of(BackupReasonCode.ManifestDecryptFailed, BackupVerdict.Unreadable, e.Message));
                return null;
            }
        }

        try
        {
            return new ManifestSource(ManifestDbReader.Open(db, cancellationToken), null);
        }
        catch (ManifestFormatException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.ManifestDbDamaged, BackupVerdict.Unreadable, e.Message));
            return null;
        }
    }

    private static ManifestSource? OpenMbdb(string path, List<BackupReason> reasons, CancellationToken cancellationToken)
    {
        try
        {
            return new ManifestSource(null, ManifestMbdbReader.Read(Kiriwake.Files.UntrustedFile.ReadAllBytes(path, MaxMbdbBytes, cancellationToken)));
        }
        catch (ManifestFormatException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.ManifestMbdbDamaged, BackupVerdict.Unreadable, e.Message));
            return null;
        }
    }
}
