namespace Kiriwake.Evidence.Plist;

/// <summary>
/// The layout of a binary plist ("bplist00"): an 8-byte header, objects, an offset table, and a 32-byte trailer.
/// Every offset is the previous one plus its length, so the numbers are stated once.
/// </summary>
internal static class BinaryPlistLayout
{
    public static ReadOnlySpan<byte> Magic => "bplist00"u8;

    public static ReadOnlySpan<byte> MagicPrefix => "bplist"u8;

    public const int HeaderLength = 8;

    public const int TrailerLength = 32;

    // Trailer fields, as offsets inside the trailer.
    public const int TrailerUnusedLength = 5;
    public const int TrailerSortVersion = 0 + TrailerUnusedLength;
    public const int TrailerOffsetIntSize = TrailerSortVersion + sizeof(byte);
    public const int TrailerObjectRefSize = TrailerOffsetIntSize + sizeof(byte);
    public const int TrailerNumObjects = TrailerObjectRefSize + sizeof(byte);
    public const int TrailerTopObject = TrailerNumObjects + sizeof(ulong);
    public const int TrailerOffsetTableOffset = TrailerTopObject + sizeof(ulong);

    // The high nibble of an object marker is its type; the low nibble a size or count.
    public const int MarkerTypeShift = 4;
    public const byte MarkerInfoMask = 0x0F;
    public const byte ExtendedCount = 0x0F;

    public const byte TypeSingleton = 0x0;
    public const byte TypeInteger = 0x1;
    public const byte TypeReal = 0x2;
    public const byte TypeDate = 0x3;
    public const byte TypeData = 0x4;
    public const byte TypeAsciiString = 0x5;
    public const byte TypeUtf16String = 0x6;
    public const byte TypeUtf8String = 0x7;
    public const byte TypeUid = 0x8;
    public const byte TypeArray = 0xA;
    public const byte TypeOrderedSet = 0xB;
    public const byte TypeSet = 0xC;
    public const byte TypeDict = 0xD;

    public const byte SingletonFalse = 0x08;
    public const byte SingletonTrue = 0x09;

    /// <summary>The full marker of a date: type 3, 8-byte big-endian float.</summary>
    public const byte DateMarker = 0x33;

    public const int DateLength = sizeof(double);

    /// <summary>Integers are 1, 2, 4, 8 or 16 bytes (size exponent 0–4); 16-byte ones carry a 64-bit value.</summary>
    public const int MaxIntegerSizeExponent = 4;

    public const int MaxUidLength = sizeof(ulong);

    public const int MaxOffsetIntSize = sizeof(ulong);

    public const int MaxObjectRefSize = sizeof(ulong);

    /// <summary>Binary plist dates count seconds from 2001-01-01T00:00:00Z (CFAbsoluteTime).</summary>
    public static readonly DateTimeOffset Epoch = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
