using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Kiriwake.Evidence.Crypto;

/// <summary>
/// RFC 3394 AES key unwrap (and wrap, for symmetry and fixtures), on top of AES-ECB: .NET has no key-wrap API.
/// </summary>
public static class AesKeyWrap
{
    public const int BlockLength = 8;

    /// <summary>The RFC 3394 default initial value; an unwrap that does not end with it used the wrong key.</summary>
    public const ulong DefaultIv = 0xA6A6A6A6A6A6A6A6;

    private const int Rounds = 6;

    /// <summary>Unwraps <paramref name="wrapped"/> (n+1 64-bit blocks) with <paramref name="kek"/>.</summary>
    /// <returns>The key, or null when the integrity check fails (wrong key-encryption key or damaged data).</returns>
    /// <exception cref="ArgumentException">The wrapped key is not a multiple of 8 bytes of at least 24.</exception>
    public static byte[]? Unwrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length < 3 * BlockLength || wrapped.Length % BlockLength != 0)
        {
            throw new ArgumentException($"A wrapped key is a multiple of 8 bytes, at least 24; got {wrapped.Length}.", nameof(wrapped));
        }

        int n = (wrapped.Length / BlockLength) - 1;
        ulong a = BinaryPrimitives.ReadUInt64BigEndian(wrapped);
        byte[] r = wrapped[BlockLength..].ToArray();
        using var aes = Aes.Create();
        aes.Key = kek.ToArray();
        Span<byte> block = stackalloc byte[2 * BlockLength];
        Span<byte> output = stackalloc byte[2 * BlockLength];
        for (int j = Rounds - 1; j >= 0; j--)
        {
            for (int i = n; i >= 1; i--)
            {
                ulong t = (ulong)((n * j) + i);
                BinaryPrimitives.WriteUInt64BigEndian(block, a ^ t);
                r.AsSpan((i - 1) * BlockLength, BlockLength).CopyTo(block[BlockLength..]);
                aes.DecryptEcb(block, output, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(output);
                output[BlockLength..].CopyTo(r.AsSpan((i - 1) * BlockLength, BlockLength));
            }
        }

        if (a != DefaultIv)
        {
            CryptographicOperations.ZeroMemory(r);
            return null;
        }

        return r;
    }

    /// <summary>Wraps <paramref name="key"/> (a multiple of 8 bytes, at least 16) with <paramref name="kek"/>.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> key)
    {
        if (key.Length < 2 * BlockLength || key.Length % BlockLength != 0)
        {
            throw new ArgumentException("A key to wrap is a multiple of 8 bytes, at least 16.", nameof(key));
        }

        int n = key.Length / BlockLength;
        ulong a = DefaultIv;
        byte[] r = key.ToArray();
        using var aes = Aes.Create();
        aes.Key = kek.ToArray();
        Span<byte> block = stackalloc byte[2 * BlockLength];
        Span<byte> output = stackalloc byte[2 * BlockLength];
        for (int j = 0; j < Rounds; j++)
        {
            for (int i = 1; i <= n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a);
                r.AsSpan((i - 1) * BlockLength, BlockLength).CopyTo(block[BlockLength..]);
                aes.EncryptEcb(block, output, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(output) ^ (ulong)((n * j) + i);
                output[BlockLength..].CopyTo(r.AsSpan((i - 1) * BlockLength, BlockLength));
            }
        }

        byte[] result = new byte[(n + 1) * BlockLength];
        BinaryPrimitives.WriteUInt64BigEndian(result, a);
        r.CopyTo(result, BlockLength);
        return result;
    }
}
