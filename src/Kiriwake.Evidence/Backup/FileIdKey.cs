using System.Globalization;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// A 40-hex-digit fileID (SHA-1 of <c>domain-relativePath</c>) packed into 20 bytes, so the deep check can index
/// hundreds of thousands of blobs without a string per file.
/// </summary>
public readonly record struct FileIdKey(ulong High, ulong Middle, uint Low)
{
    public const int HexLength = 40;

    public static bool TryParse(ReadOnlySpan<char> text, out FileIdKey key)
    {
        key = default;
        if (text.Length != HexLength)
        {
            return false;
        }

        foreach (char c in text)
        {
            // Backups name blobs in lowercase hex only; anything else is not a blob.
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        // Three plain integers rather than UInt128: UInt128 fields in iterator state crashed the runtime here.
        if (!ulong.TryParse(text[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong high)
            || !ulong.TryParse(text[16..32], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong middle)
            || !uint.TryParse(text[32..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint low))
        {
            return false;
        }

        key = new FileIdKey(high, middle, low);
        return true;
    }

    /// <summary>Parses a fileID given as its UTF-8 bytes (as SQLite holds the text), without making a string.</summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out FileIdKey key)
    {
        key = default;
        if (utf8.Length != HexLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[HexLength];
        for (int i = 0; i < HexLength; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return TryParse(chars, out key);
    }

    public override string ToString() =>
        High.ToString("x16", CultureInfo.InvariantCulture) + Middle.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x8", CultureInfo.InvariantCulture);
}
