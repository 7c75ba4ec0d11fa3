using System.Security.Cryptography;
using Kiriwake.Evidence.Backup;

namespace Kiriwake.Evidence.Crypto;

/// <summary>
/// AES-256-CBC with a zero IV and PKCS#7 padding, as backups use for Manifest.db and every file (§6.5).
/// Decrypted output only goes to memory (the file list) or nowhere (file checks), never to disk.
/// </summary>
public static class BackupDecryptor
{
    public const int BlockLength = 16;

    private const int ChunkLength = 1 << 20;

    private const int MinSqlitePage = 512;

    /// <summary>
    /// Decrypts an encrypted Manifest.db into memory (never to disk: a file could outlive an interrupted run) and
    /// returns it for SQLite to read in place.
    /// </summary>
    /// <exception cref="ManifestFormatException">The key does not unwrap, the file is too large, or the plaintext is not SQLite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    internal static DecryptedManifest DecryptManifestToMemory(string encryptedPath, ReadOnlySpan<byte> manifestKeyEntry, BackupKeys keys, CancellationToken cancellationToken)
    {
        byte[] key = keys.UnwrapEntry(manifestKeyEntry)
            ?? throw new ManifestFormatException("The Manifest.db key does not unwrap with this password's class keys.");
        DecryptedManifest? plain = null;
        try
        {
            using var source = Kiriwake.Files.UntrustedFile.OpenRegular(encryptedPath);
            if (source.Length == 0 || source.Length % BlockLength != 0)
            {
                throw new ManifestFormatException($"Encrypted Manifest.db is {source.Length} bytes, not a whole number of AES blocks.");
            }

            if (source.Length > ManifestDbReader.MaxDbBytes)
            {
                throw new ManifestFormatException($"Encrypted Manifest.db is {source.Length} bytes, more than can be read ({ManifestDbReader.MaxDbBytes / (1024 * 1024)} MB).");
            }

            plain = new DecryptedManifest(source.Length);
            using (var target = plain.AsStream())
            {
                long length = Decrypt(source, target, key, strict: false, cancellationToken);
                if (length < SqliteHeader.Length)
                {
                    throw new ManifestFormatException("Decrypted Manifest.db is too short to be SQLite.");
                }
            }

            if (!SqliteHeader.HasMagic(plain.Head(SqliteHeader.Magic.Length)))
            {
                throw new ManifestFormatException("Decrypted Manifest.db is not SQLite: wrong key or damaged file.");
            }

            var result = plain;
            plain = null;
            return result;
        }
        finally
        {
            plain?.Dispose();
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Decrypts a backup file and checks its padding and length; the plaintext is discarded.</summary>
    /// <returns>True when the file decrypts to exactly <paramref name="expectedSize"/> bytes with valid padding.</returns>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file.</exception>
    public static bool VerifyFile(string path, ReadOnlySpan<byte> fileKey, long expectedSize)
    {
        // A blob is a regular file, never a link: a FIFO or a link to /dev/zero in its place would block or never end.
        using var source = Kiriwake.Files.UntrustedFile.OpenRegular(path, followLinks: false);
        if (source.Length == 0 || source.Length % BlockLength != 0)
        {
            return false;
        }

        try
        {
            return Decrypt(source, Stream.Null, fileKey.ToArray(), strict: true, CancellationToken.None) == expectedSize;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Streams CBC decryption and removes PKCS#7 padding from the last block. With <paramref name="strict"/>
    /// false, a last block that is not valid padding is kept (some writers omit it); Apple's whole-block pad is removed.
    /// </summary>
    private static long Decrypt(Stream source, Stream target, byte[] key, bool strict, CancellationToken cancellationToken)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        byte[] iv = new byte[BlockLength];
        byte[] input = new byte[ChunkLength];
        byte[] output = new byte[ChunkLength];
        long remaining = source.Length;
        long written = 0;
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int want = (int)Math.Min(ChunkLength, remaining);
            source.ReadExactly(input, 0, want);
            remaining -= want;
            int n = aes.DecryptCbc(input.AsSpan(0, want), iv, output, PaddingMode.None);
            input.AsSpan(want - BlockLength, BlockLength).CopyTo(iv);
            if (remaining == 0)
            {
                int pad = output[n - 1];
                bool valid = pad is >= 1 and <= BlockLength && output.AsSpan(n - pad, pad).IndexOfAnyExcept((byte)pad) < 0;
                // Loose mode (Manifest.db): strip only padding that leaves whole SQLite pages, so a db written
                // without the pad block never loses its last bytes to a lucky-looking final byte.
                if (valid && (strict || (written + n - pad) % MinSqlitePage == 0))
                {
                    n -= pad;
                }
                else if (strict)
                {
                    throw new CryptographicException("Invalid padding.");
                }
            }

            target.Write(output, 0, n);
            written += n;
        }

        CryptographicOperations.ZeroMemory(output);
        return written;
    }
}
