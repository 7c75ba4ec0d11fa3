using System.Globalization;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// A 40-hex-digit fileID (SHA-1 of <c>domain-relativePath</c>) packed into 20 bytes, so the deep check can index
/// hundreds of thousands of blobs without a string per file.
/// </summary>
public readonly record struct FileIdKey(UInt128 High, uint Low)
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

        if (!UInt128.TryParse(text[..32], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out UInt128 high)
            || !uint.TryParse(text[32..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint low))
        {
            return false;
        }

        key = new FileIdKey(high, low);
        return true;
    }

    public override string ToString() =>
        High.ToString("x32", CultureInfo.InvariantCulture) + Low.ToString("x8", CultureInfo.InvariantCulture);
}
