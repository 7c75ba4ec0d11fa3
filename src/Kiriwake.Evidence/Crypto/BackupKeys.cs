using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Kiriwake.Evidence.Crypto;

/// <summary>
/// The unwrapped class keys of an encrypted backup, the proof that a password was right. Unwraps per-file keys
/// and the Manifest.db key (4-byte little-endian class + 40-byte wrapped key, §6.5).
/// </summary>
public sealed class BackupKeys
{
    public const int WrappedEntryLength = 44;

    private readonly IReadOnlyDictionary<int, byte[]> _classKeys;

    public BackupKeys(IReadOnlyDictionary<int, byte[]> classKeys, byte[] derivedKey)
    {
        _classKeys = classKeys;
        DerivedKey = derivedKey;
    }

    /// <summary>The 32-byte key the password derives to (lets a caller skip the KDF next time).</summary>
    public byte[] DerivedKey { get; }

    /// <summary>Unwraps a 44-byte entry (ManifestKey or an MBFile EncryptionKey).</summary>
    /// <returns>The 32-byte key, or null when its class is unknown or the unwrap check fails.</returns>
    /// <exception cref="KeybagFormatException">The entry is not 44 bytes.</exception>
    public byte[]? UnwrapEntry(ReadOnlySpan<byte> entry)
    {
        if (entry.Length != WrappedEntryLength)
        {
            throw new KeybagFormatException($"A wrapped key entry is {WrappedEntryLength} bytes; got {entry.Length}.");
        }

        uint protectionClass = BinaryPrimitives.ReadUInt32LittleEndian(entry);
        return protectionClass <= int.MaxValue && _classKeys.TryGetValue((int)protectionClass, out var classKey)
            ? AesKeyWrap.Unwrap(classKey, entry[sizeof(uint)..])
            : null;
    }

    /// <summary>Derives the key-encryption key from a password (§6.2 steps 1–2). Takes seconds: 10,000,000 rounds.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> password, Keybag keybag)
    {
        if (keybag.DoublePassSalt is { } dpsl && keybag.DoublePassIterations is int dpic and > 0)
        {
            byte[] first = Rfc2898DeriveBytes.Pbkdf2(password, dpsl.Span, dpic, HashAlgorithmName.SHA256, 32);
            try
            {
                return Rfc2898DeriveBytes.Pbkdf2(first, keybag.Salt.Span, keybag.Iterations, HashAlgorithmName.SHA1, 32);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(first);
            }
        }

        return Rfc2898DeriveBytes.Pbkdf2(password, keybag.Salt.Span, keybag.Iterations, HashAlgorithmName.SHA1, 32);
    }

    /// <summary>Unwraps every password-wrapped class key with <paramref name="derivedKey"/> (§6.2 step 3).</summary>
    /// <returns>The keys, or null when any unwrap fails: the password is wrong.</returns>
    public static BackupKeys? Unlock(Keybag keybag, byte[] derivedKey)
    {
        var keys = new Dictionary<int, byte[]>();
        bool any = false;
        foreach (var classKey in keybag.ClassKeys.Where(k => k.WrappedByPassword))
        {
            any = true;
            if (AesKeyWrap.Unwrap(derivedKey, classKey.WrappedKey.Span) is not { } key)
            {
                return null;
            }

            keys[classKey.ProtectionClass] = key;
        }

        return any ? new BackupKeys(keys, derivedKey) : null;
    }
}
