namespace Kiriwake.Evidence.Backup;

/// <summary>Manifest flags (§5.2): 1 file (has a blob), 2 directory, 4 symlink; anything else is unknown.</summary>
public static class ManifestFlags
{
    public const int File = 1;
    public const int Directory = 2;
    public const int Symlink = 4;

    public static bool IsKnown(long flags) => flags is File or Directory or Symlink;
}

/// <summary>
/// One manifest row. <see cref="Size"/> is the logical (plaintext) size from the MBFile record, or -1 with a
/// <see cref="RecordProblem"/> when the record could not be decoded (the row is reported, not fatal).
/// </summary>
public sealed record ManifestEntry(
    string FileId,
    string Domain,
    string RelativePath,
    long Flags,
    long Size,
    int ProtectionClass,
    byte[]? EncryptionKey,
    string? RecordProblem)
{
    /// <summary>Where this entry's blob lives relative to the backup folder (iOS 10+: <c>xx/fileID</c>).</summary>
    public string BlobPath(bool flatLayout) => flatLayout ? FileId : Path.Combine(FileId[..2], FileId);
}

/// <summary>
/// A manifest row as the file check reads it: no names (they are looked up by <see cref="RowId"/> for the few
/// examples shown), the fileID packed, so hundreds of thousands of rows cost no strings.
/// </summary>
internal readonly record struct ManifestRow(
    long RowId,
    FileIdKey Id,
    bool IdValid,
    long Flags,
    long Size,
    int ProtectionClass,
    byte[]? EncryptionKey,
    string? RecordProblem);
