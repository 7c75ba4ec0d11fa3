using System.Buffers.Binary;
using System.Text;

namespace Kiriwake.Evidence.Tests.Fixtures;

/// <summary>The known-answer vector of backup-format.md §6.4 (from pyiosbackup's tests, values re-derived).</summary>
public static class KnownAnswer
{
    public const string Password = "0000";
    public const string K1 = "1e8bf0bd2f08aca606dfcf6b3ab19a3307f12cfc15c787b10eb7f5ecb957b987";
    public const string DerivedKey = "ec8edc160b5745ccae000bfb4787630f322821191fba7eea38feab2c6307cd9b";
    public const string WrappedZeroKey = "528c9c5171bf8bef1ea397cf29d2a838c90529df02a6ad2f823a1c6f3a5b2040e2a309c520c6a2ab";
    public const string ManifestKey = "0200000097317494343807e690fd1e431413963dc0e3deb4907fb89fa36ce65126d0ea1301381fb3a2941e2f";
    public const string TestBlob = "78b51ca5374c3ad575174288688cda49";

    /// <summary>The 1,388-byte keybag: header, then classes 11…1, WRAP 3 for 11, 10, 9, 5 and 2 for the rest.</summary>
    public static byte[] Keybag()
    {
        var s = new MemoryStream();
        Tlv(s, "VERS", U32(5));
        Tlv(s, "TYPE", U32(1));
        Tlv(s, "UUID", new byte[16]);
        Tlv(s, "HMCK", new byte[40]);
        Tlv(s, "WRAP", U32(0));
        Tlv(s, "SALT", new byte[20]);
        Tlv(s, "ITER", U32(10000));
        Tlv(s, "DPWT", U32(1));
        Tlv(s, "DPIC", U32(10_000_000));
        Tlv(s, "DPSL", new byte[20]);
        for (int c = 11; c >= 1; c--)
        {
            Tlv(s, "UUID", new byte[16]);
            Tlv(s, "CLAS", U32((uint)c));
            Tlv(s, "WRAP", U32(c is 11 or 10 or 9 or 5 ? 3u : 2u));
            Tlv(s, "KTYP", U32(0));
            Tlv(s, "WPKY", Convert.FromHexString(WrappedZeroKey));
        }

        return s.ToArray();
    }

    public static void Tlv(Stream s, string tag, byte[] value)
    {
        s.Write(Encoding.ASCII.GetBytes(tag));
        s.Write(U32((uint)value.Length));
        s.Write(value);
    }

    public static byte[] U32(uint value)
    {
        byte[] b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }
}
