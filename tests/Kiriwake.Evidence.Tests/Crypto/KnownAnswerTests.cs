using System.Security.Cryptography;
using System.Text;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Tests;

namespace Kiriwake.Evidence.Tests.Crypto;

/// <summary>The §6.4 vector end to end: password → derived key → class keys → Manifest.db → file.</summary>
public class KnownAnswerTests
{
    [Fact]
    public void DeriveKey_PasswordOfKnownAnswer_GivesTheDerivedKey()
    {
        var bag = Keybag.Parse(KnownAnswer.Keybag());

        byte[] derived = BackupKeys.DeriveKey(Encoding.UTF8.GetBytes(KnownAnswer.Password), bag);

        Assert.Equal(KnownAnswer.DerivedKey, Convert.ToHexStringLower(derived));
        Assert.Equal(KnownAnswer.K1, Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2("0000"u8, new byte[20], 10_000_000, HashAlgorithmName.SHA256, 32)));
    }

    [Fact]
    public void Unlock_DerivedKey_UnwrapsEveryClassKeyToZeros()
    {
        var bag = Keybag.Parse(KnownAnswer.Keybag());

        var keys = BackupKeys.Unlock(bag, Convert.FromHexString(KnownAnswer.DerivedKey));

        Assert.NotNull(keys);
        Assert.Equal(new byte[32], keys.UnwrapEntry(Convert.FromHexString(KnownAnswer.ManifestKey)));
    }

    [Fact]
    public void Unlock_WrongDerivedKey_ReturnsNull()
    {
        var bag = Keybag.Parse(KnownAnswer.Keybag());
        byte[] wrong = Convert.FromHexString(KnownAnswer.DerivedKey);
        wrong[0] ^= 1;

        Assert.Null(BackupKeys.Unlock(bag, wrong));
    }

    [SharedFact]
    public void DecryptManifestToMemory_PyiosbackupDb_GivesOneFilesRowAndWritesNothingToDisk()
    {
        var keys = BackupKeys.Unlock(Keybag.Parse(KnownAnswer.Keybag()), Convert.FromHexString(KnownAnswer.DerivedKey))!;
        string encrypted = Path.Combine(RepoPaths.Samples, "pyiosbackup", "encrypted_sqlite3_db.bin");
        byte[] before = File.ReadAllBytes(encrypted);
        var tempBefore = Directory.EnumerateFileSystemEntries(Path.GetTempPath(), "kiriwake-*").ToHashSet();

        var memory = BackupDecryptor.DecryptManifestToMemory(encrypted, Convert.FromHexString(KnownAnswer.ManifestKey), keys, CancellationToken.None);
        using (var db = ManifestDbReader.OpenDecrypted(memory, CancellationToken.None))
        {
            // The plain-text file list exists only in this process's memory.
            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.GetTempPath(), "kiriwake-manifest-*"), p => !tempBefore.Contains(p));
            var entry = Assert.Single(db.ReadEntries(wantKeys: true));
            Assert.Equal("5727bd1c5fa1055e15d8b4a75a74793c84b5ffdc", entry.FileId);
            Assert.Equal("MyTestDomain", entry.Domain);
            Assert.Equal("Media/Test.txt", entry.RelativePath);
            Assert.Equal(9, entry.Size);
            Assert.Equal(KnownAnswer.ManifestKey, Convert.ToHexStringLower(entry.EncryptionKey!));

            byte[] fileKey = keys.UnwrapEntry(entry.EncryptionKey)!;
            var folder = Directory.CreateTempSubdirectory("kiriwake-test-");
            try
            {
                string blob = Path.Combine(folder.FullName, "blob");
                File.WriteAllBytes(blob, Convert.FromHexString(KnownAnswer.TestBlob));
                Assert.True(BackupDecryptor.VerifyFile(blob, fileKey, 9));
                Assert.False(BackupDecryptor.VerifyFile(blob, fileKey, 10));
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        Assert.Equal(IntPtr.Zero, memory.Pointer);
        Assert.Equal(before, File.ReadAllBytes(encrypted));
    }

    [Fact]
    public async Task CheckAsync_WrongPassword_ReturnsNullAndRightOneUnlocks()
    {
        // A cheap keybag (few iterations) with the known class keys wrapped under its derived key.
        var bag = Keybag.Parse(KnownAnswer.Keybag()) with { Iterations = 10, DoublePassIterations = 1000 };
        byte[] derived = BackupKeys.DeriveKey("right"u8, bag);
        var classes = bag.ClassKeys.Select(k => k with { WrappedKey = AesKeyWrap.Wrap(derived, new byte[32]) }).ToArray();
        bag = bag with { ClassKeys = classes };

        Assert.Null(await PasswordChecker.CheckAsync(bag, "wrong"u8.ToArray(), null, CancellationToken.None));
        Assert.NotNull(await PasswordChecker.CheckAsync(bag, "right"u8.ToArray(), null, CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_Cancelled_ThrowsOperationCanceled()
    {
        var bag = Keybag.Parse(KnownAnswer.Keybag());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PasswordChecker.CheckAsync(bag, "0000"u8.ToArray(), new Progress<PasswordCheckProgress>(), cts.Token));
    }
}
