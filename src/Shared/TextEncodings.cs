using System.Text;

namespace Kiriwake.Files;

/// <summary>
/// Bytes to text the way a person's files come: a BOM names the encoding; without one, text whose every other
/// byte is zero is UTF-16 (Windows tools write UTF-16 logs, not always with a BOM); anything else is UTF-8.
/// </summary>
internal static class TextEncodings
{
    private const int Sample = 4096;

    public static string Decode(ReadOnlySpan<byte> bytes) => Detect(bytes, out int skip).GetString(bytes[skip..]);

    /// <summary>The encoding of <paramref name="bytes"/> and the length of its BOM.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, out int bomLength)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bomLength = 3;
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bomLength = 2;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bomLength = 2;
            return Encoding.BigEndianUnicode;
        }

        bomLength = 0;
        var sample = bytes[..Math.Min(bytes.Length, Sample)];
        int pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return Encoding.UTF8;
        }

        int evenZero = 0, oddZero = 0;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            evenZero += sample[i] == 0 ? 1 : 0;
            oddZero += sample[i + 1] == 0 ? 1 : 0;
        }

        // ASCII-heavy UTF-16 has a zero in nearly every pair; Japanese UTF-16 in fewer, but never on both sides.
        if (oddZero * 10 >= pairs * 3 && evenZero * 20 < pairs)
        {
            return Encoding.Unicode;
        }

        if (evenZero * 10 >= pairs * 3 && oddZero * 20 < pairs)
        {
            return Encoding.BigEndianUnicode;
        }

        return Encoding.UTF8;
    }
}
