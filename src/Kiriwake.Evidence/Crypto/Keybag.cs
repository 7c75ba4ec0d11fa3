using System.Buffers.Binary;

namespace Kiriwake.Evidence.Crypto;

/// <summary>A protection-class record of a keybag: the class number, its wrap flags, and the wrapped key.</summary>
public sealed record KeybagClassKey(int ProtectionClass, int Wrap, int KeyType, ReadOnlyMemory<byte> WrappedKey)
{
    /// <summary>WRAP bit 2: the key is wrapped with the password-derived key (needed to check a password).</summary>
    public bool WrappedByPassword => (Wrap & 2) != 0;
}

/// <summary>
/// The backup keybag (§6.1): big-endian TLV records <c>tag(4) | length(u32) | value</c>. Header tags come first;
/// each later <c>UUID</c> starts a class record.
/// </summary>
public sealed record Keybag(
    int Version,
    int Type,
    ReadOnlyMemory<byte> Salt,
    int Iterations,
    ReadOnlyMemory<byte>? DoublePassSalt,
    int? DoublePassIterations,
    IReadOnlyList<KeybagClassKey> ClassKeys)
{
    private const int TagLength = 4;
    private const int LengthLength = sizeof(uint);
    private const int HeaderLength = TagLength + LengthLength;
    private const int UInt32Length = sizeof(uint);
    private const int WrappedKeyLength = 40;

    /// <summary>
    /// The most PBKDF2 rounds (ITER or DPIC) a real keybag asks for, with room to spare: Apple uses 10,000,000
    /// (DPIC, iOS 10.2+) and 10,000 (ITER). A forged keybag with 2^31 rounds would keep a check busy for ~20 minutes.
    /// </summary>
    public const int MaxIterations = 20_000_000;

    /// <summary>Parses a keybag.</summary>
    /// <exception cref="KeybagFormatException">Truncated records, wrong value sizes, or missing SALT/ITER.</exception>
    public static Keybag Parse(ReadOnlySpan<byte> data)
    {
        int? version = null, type = null, iterations = null, dpic = null;
        byte[]? salt = null, dpsl = null;
        var classes = new List<KeybagClassKey>();
        int uuidCount = 0;
        (int Class, int Wrap, int KeyType, byte[]? Key)? current = null;
        int pos = 0;
        while (pos < data.Length)
        {
            if (data.Length - pos < HeaderLength)
            {
                throw new KeybagFormatException($"Keybag record at {pos} is cut short.");
            }

            var tag = data.Slice(pos, TagLength);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(pos + TagLength, LengthLength));
            pos += HeaderLength;
            if (length > (uint)(data.Length - pos))
            {
                throw new KeybagFormatException($"Keybag record '{Tag(tag)}' claims {length} bytes; {data.Length - pos} remain.");
            }

            var value = data.Slice(pos, (int)length);
            pos += (int)length;
            switch (Tag(tag))
            {
                case "UUID":
                    if (++uuidCount > 1)
                    {
                        Flush(current, classes);
                        current = (0, 0, 0, null);
                    }

                    break;
                case "VERS": version = UInt(value, "VERS"); break;
                case "TYPE": type = UInt(value, "TYPE"); break;
                case "SALT": salt = value.ToArray(); break;
                case "ITER": iterations = UInt(value, "ITER"); break;
                case "DPSL": dpsl = value.ToArray(); break;
                case "DPIC": dpic = UInt(value, "DPIC"); break;
                case "CLAS" when current is { } c: current = c with { Class = UInt(value, "CLAS") }; break;
                case "WRAP" when current is { } c: current = c with { Wrap = UInt(value, "WRAP") }; break;
                case "KTYP" when current is { } c: current = c with { KeyType = UInt(value, "KTYP") }; break;
                case "WPKY" when current is { } c: current = c with { Key = value.ToArray() }; break;
                default:
                    break; // HMCK, DPWT, PBKY, header WRAP: not needed to check a password.
            }
        }

        Flush(current, classes);
        if (salt is null || iterations is not > 0)
        {
            throw new KeybagFormatException("Keybag has no SALT/ITER.");
        }

        if (iterations > MaxIterations || dpic > MaxIterations)
        {
            throw new KeybagFormatException(
                $"Keybag asks for {Math.Max(iterations.Value, dpic ?? 0)} key-derivation rounds; Apple's backups use 10,000,000 (iOS 10.2 and later) "
                + $"or 10,000, so more than {MaxIterations} is not a real keybag, and checking a password against it could take hours.");
        }

        return new Keybag(version ?? 0, type ?? 0, salt, iterations.Value, dpsl, dpic, classes);
    }

    private static void Flush((int Class, int Wrap, int KeyType, byte[]? Key)? record, List<KeybagClassKey> classes)
    {
        if (record is { Key: { } key } r)
        {
            if (key.Length != WrappedKeyLength)
            {
                throw new KeybagFormatException($"Class {r.Class} key is {key.Length} bytes; a wrapped key is {WrappedKeyLength}.");
            }

            classes.Add(new KeybagClassKey(r.Class, r.Wrap, r.KeyType, key));
        }
    }

    private static int UInt(ReadOnlySpan<byte> value, string tag) =>
        value.Length == UInt32Length && BinaryPrimitives.ReadUInt32BigEndian(value) <= int.MaxValue
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(value)
            : throw new KeybagFormatException($"Keybag '{tag}' is not a 4-byte number.");

    private static string Tag(ReadOnlySpan<byte> tag) => System.Text.Encoding.ASCII.GetString(tag);
}
