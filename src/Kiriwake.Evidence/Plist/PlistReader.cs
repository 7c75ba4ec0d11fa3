namespace Kiriwake.Evidence.Plist;

/// <summary>
/// Reads a property list, binary (<c>bplist00</c>) or XML, from untrusted bytes.
/// </summary>
public static class PlistReader
{
    /// <summary>Files larger than this are refused rather than read into memory (Info.plist with app icons is a few MB).</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads a plist, detecting its format from the first bytes.</summary>
    /// <exception cref="PlistFormatException">The bytes are not a well-formed binary or XML plist.</exception>
    public static PlistValue Read(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(BinaryPlistLayout.MagicPrefix))
        {
            return BinaryPlistReader.Read(data);
        }

        if (LooksLikeXml(data))
        {
            return XmlPlistReader.Read(data);
        }

        throw new PlistFormatException(data.IsEmpty ? "The plist is empty (0 bytes)." : "Neither a binary nor an XML plist.");
    }

    /// <summary>Reads a plist from a stream, refusing more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="PlistFormatException">The content is malformed or too large.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static PlistValue Read(Stream stream, long maxBytes = DefaultMaxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                throw new PlistFormatException($"The plist is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, n);
        }

        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads a plist file (opened read-only, shared).</summary>
    /// <exception cref="PlistFormatException">The content is malformed or too large.</exception>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file (a pipe, a device).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static PlistValue ReadFile(string path, long maxBytes = DefaultMaxFileBytes)
    {
        // A regular file only: a FIFO named Info.plist would block the read forever, /dev/zero would never end.
        using var stream = Kiriwake.Files.UntrustedFile.OpenRegular(path);
        return Read(stream, maxBytes);
    }

    /// <summary>Reads a plist whose top-level value must be a dictionary.</summary>
    /// <exception cref="PlistFormatException">Malformed, or the top level is not a dictionary.</exception>
    public static PlistDict ReadDict(ReadOnlySpan<byte> data) =>
        Read(data) as PlistDict ?? throw new PlistFormatException("The plist's top-level value is not a dictionary.");

    private static bool LooksLikeXml(ReadOnlySpan<byte> data)
    {
        var rest = data.StartsWith("\uFEFF"u8) ? data[3..] : data;
        foreach (byte b in rest)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }
}
