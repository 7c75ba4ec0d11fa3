using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// Reads Manifest.mbdb, the file list of iOS 5–9 backups (§5.5): magic <c>mbdb\x05\x00</c>, then big-endian
/// records to the end of the file. Blobs of these backups lie flat in the backup folder, named by fileID.
/// </summary>
public static class ManifestMbdbReader
{
    private static ReadOnlySpan<byte> Magic => "mbdb\x05\x00"u8;

    private const ushort NullString = 0xFFFF;

    // Fixed part after the five strings: mode u16, inode u64, uid u32, gid u32, mtime u32, atime u32, ctime u32,
    // size u64, protection class u8, property count u8.
    private const int ModeLength = sizeof(ushort);
    private const int SkippedAfterMode = sizeof(ulong) + (5 * sizeof(uint));
    private const int SizeLength = sizeof(ulong);

    private const int ModeTypeMask = 0xF000;
    private const int ModeRegular = 0x8000;
    private const int ModeDirectory = 0x4000;
    private const int ModeSymlink = 0xA000;

    /// <exception cref="ManifestFormatException">Wrong magic or a record cut short.</exception>
    public static IReadOnlyList<ManifestEntry> Read(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(Magic))
        {
            throw new ManifestFormatException("Manifest.mbdb does not start with mbdb\\x05\\x00.");
        }

        var entries = new List<ManifestEntry>();
        int pos = Magic.Length;
        while (pos < data.Length)
        {
            string domain = ReadString(data, ref pos) ?? string.Empty;
            string path = ReadString(data, ref pos) ?? string.Empty;
            ReadString(data, ref pos); // link target
            ReadString(data, ref pos); // data hash
            byte[]? key = ReadBytes(data, ref pos);
            int mode = BinaryPrimitives.ReadUInt16BigEndian(Take(data, ref pos, ModeLength));
            Take(data, ref pos, SkippedAfterMode);
            ulong size = BinaryPrimitives.ReadUInt64BigEndian(Take(data, ref pos, SizeLength));
            int protection = Take(data, ref pos, 1)[0];
            int properties = Take(data, ref pos, 1)[0];
            for (int i = 0; i < properties; i++)
            {
                ReadString(data, ref pos);
                ReadString(data, ref pos);
            }

            if (size > long.MaxValue)
            {
                throw new ManifestFormatException($"Manifest.mbdb record '{domain}-{path}' has size {size}.");
            }

            long flags = (mode & ModeTypeMask) switch
            {
                ModeRegular => ManifestFlags.File,
                ModeDirectory => ManifestFlags.Directory,
                ModeSymlink => ManifestFlags.Symlink,
                _ => 0,
            };
            entries.Add(new ManifestEntry(FileId(domain, path), domain, path, flags, (long)size, protection, key is { Length: 44 } ? key : null, null));
        }

        return entries;
    }

    /// <summary>fileID = lowercase hex SHA-1 of the UTF-8 bytes of <c>domain-relativePath</c> (§1.3).</summary>
    public static string FileId(string domain, string relativePath) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(domain + "-" + relativePath)));

    private static string? ReadString(ReadOnlySpan<byte> data, ref int pos) =>
        ReadBytes(data, ref pos) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    private static byte[]? ReadBytes(ReadOnlySpan<byte> data, ref int pos)
    {
        ushort length = BinaryPrimitives.ReadUInt16BigEndian(Take(data, ref pos, sizeof(ushort)));
        return length == NullString ? null : Take(data, ref pos, length).ToArray();
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int pos, int length)
    {
        if (length > data.Length - pos)
        {
            throw new ManifestFormatException($"Manifest.mbdb is cut short at byte {pos}.");
        }

        var slice = data.Slice(pos, length);
        pos += length;
        return slice;
    }
}
