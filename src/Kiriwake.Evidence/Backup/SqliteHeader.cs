using System.Buffers.Binary;

namespace Kiriwake.Evidence.Backup;

/// <summary>The first 100 bytes of an SQLite database file (sqlite.org/fileformat.html §1.3).</summary>
internal static class SqliteHeader
{
    public static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    public const int Length = 100;
    public const int PageSizeOffset = 16;
    public const int ChangeCounterOffset = 24;
    public const int PageCountOffset = ChangeCounterOffset + sizeof(uint) + sizeof(uint);
    public const int VersionValidForOffset = 92;

    /// <summary>A page size field of 1 means 65,536.</summary>
    private const int LargestPageSize = 65536;

    public static bool HasMagic(ReadOnlySpan<byte> header) => header.StartsWith(Magic);

    /// <summary>
    /// The database length the header promises, or null when the in-header page count is not trustworthy
    /// (it is valid only when "version-valid-for" equals the change counter).
    /// </summary>
    public static long? ExpectedLength(ReadOnlySpan<byte> header)
    {
        if (header.Length < Length)
        {
            return null;
        }

        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(PageSizeOffset, sizeof(ushort)));
        if (pageSize == 1)
        {
            pageSize = LargestPageSize;
        }

        uint changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(ChangeCounterOffset, sizeof(uint)));
        uint validFor = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(VersionValidForOffset, sizeof(uint)));
        uint pageCount = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(PageCountOffset, sizeof(uint)));
        return changeCounter == validFor && pageCount > 0 ? (long)pageCount * pageSize : null;
    }
}
