using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Backup;

/// <summary>The fields of an archived MBFile the verifier needs (§5.3).</summary>
public readonly record struct MbFile(long Size, int Mode, int ProtectionClass, byte[]? EncryptionKey);

/// <summary>
/// Decodes the <c>file</c> column of Manifest.db: an NSKeyedArchiver binary plist of MBFile. Reads the few
/// fields it needs in place (one record per manifest row, hundreds of thousands per backup), resolving
/// <c>$top.root</c> and UID indirections with the same bounds checks as the full reader.
/// </summary>
public static class MbFileReader
{
    /// <exception cref="PlistFormatException">The record is not a well-formed MBFile archive.</exception>
    public static MbFile Read(ReadOnlySpan<byte> blob, bool wantKey)
    {
        var plist = BinaryPlistReader.Open(blob);
        int top = plist.TopObject;
        if (!plist.TryGetDictValue(top, "$objects"u8, out int objects)
            || !plist.TryGetDictValue(top, "$top"u8, out int topRef)
            || !plist.TryGetDictValue(topRef, "root"u8, out int rootUid))
        {
            throw new PlistFormatException("MBFile record is not an NSKeyedArchiver archive.");
        }

        int root = Deref(ref plist, objects, plist.GetUid(rootUid));
        long size = IntegerOrZero(ref plist, objects, root, "Size"u8);

        // Only decryption needs the mode and class; the file check reads the size alone (once per row).
        long mode = wantKey ? IntegerOrZero(ref plist, objects, root, "Mode"u8) : 0;
        long protection = wantKey ? IntegerOrZero(ref plist, objects, root, "ProtectionClass"u8) : 0;
        if (size < 0)
        {
            throw new PlistFormatException($"MBFile Size {size} is negative.");
        }

        if (protection is < 0 or > int.MaxValue)
        {
            throw new PlistFormatException($"MBFile ProtectionClass {protection} is out of range.");
        }

        byte[]? key = null;
        if (wantKey && plist.TryGetDictValue(root, "EncryptionKey"u8, out int keyRef))
        {
            key = DataOf(ref plist, objects, keyRef).ToArray();
        }

        return new MbFile(size, (int)(mode & 0xFFFF), (int)protection, key);
    }

    private static long IntegerOrZero(ref BinaryPlistReader plist, int objects, int owner, ReadOnlySpan<byte> key)
    {
        if (!plist.TryGetDictValue(owner, key, out int value))
        {
            return 0;
        }

        if (plist.TypeOf(value) == BinaryPlistLayout.TypeUid)
        {
            value = Deref(ref plist, objects, plist.GetUid(value));
        }

        return plist.GetInteger(value);
    }

    /// <summary>Data inline, via a UID, or inside an NSData object's <c>NS.data</c> (itself possibly a UID).</summary>
    private static ReadOnlySpan<byte> DataOf(ref BinaryPlistReader plist, int objects, int value)
    {
        // Two hops at most: UID → {NS.data: UID} → data.
        for (int hop = 0; hop < 4; hop++)
        {
            switch (plist.TypeOf(value))
            {
                case BinaryPlistLayout.TypeData:
                    return plist.GetData(value);
                case BinaryPlistLayout.TypeUid:
                    value = Deref(ref plist, objects, plist.GetUid(value));
                    break;
                case BinaryPlistLayout.TypeDict when plist.TryGetDictValue(value, "NS.data"u8, out int inner):
                    value = inner;
                    break;
                default:
                    throw new PlistFormatException("MBFile EncryptionKey is not data.");
            }
        }

        throw new PlistFormatException("MBFile EncryptionKey nests too deeply.");
    }

    private static int Deref(ref BinaryPlistReader plist, int objects, ulong uid) =>
        uid <= int.MaxValue && plist.TryGetArrayItem(objects, (long)uid, out int item)
            ? item
            : throw new PlistFormatException($"Archive reference {uid} is outside $objects.");
}
