using System.Diagnostics;
using System.Security.Cryptography;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Crypto;

/// <summary>How opening an encrypted backup went.</summary>
public enum UnlockStatus
{
    Unlocked,
    WrongPassword,
    NotEncrypted,
    NoPassword,
    NotABackup,
    Unreadable,
    PermissionDenied,
    KeybagDamaged,
}

/// <summary>The result of opening a backup's keybag: the keys when the password opened it, how long the key
/// derivation took, and for failures the reader's own words (<see cref="Detail"/>).</summary>
public sealed record UnlockResult(UnlockStatus Status, BackupKeys? Keys, bool Encrypted, TimeSpan Elapsed, string? Detail);

/// <summary>An encrypted backup whose manifest and keybag were read, waiting for its password.</summary>
public sealed record LockedBackup(string Folder, ManifestProperties Manifest, Keybag Keybag);

/// <summary>
/// Opens an encrypted computer backup for any front end: reads Manifest.plist and the keybag (<see cref="Prepare"/>),
/// then checks a password (<see cref="UnlockAsync"/>): the keybag's class keys must unwrap, and — a second proof —
/// so must Manifest.db's key. Reads only; never writes into the backup.
/// </summary>
public static class BackupUnlocker
{
    /// <returns>The locked backup, or a result that ends here (not a backup, unreadable, not encrypted, damaged keybag).</returns>
    public static (LockedBackup? Backup, UnlockResult? Ended) Prepare(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ManifestProperties manifest;
        try
        {
            manifest = ManifestProperties.From(PlistReader.ReadFile(Path.Combine(folder, BackupFolder.ManifestPlist)) as PlistDict
                ?? throw new PlistFormatException("The top-level value is not a dictionary."));
        }
        catch (Exception e) when (e is PlistFormatException or IOException)
        {
            return (null, new UnlockResult(e is FileNotFoundException or DirectoryNotFoundException ? UnlockStatus.NotABackup : UnlockStatus.Unreadable, null, false, TimeSpan.Zero, e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, new UnlockResult(UnlockStatus.PermissionDenied, null, false, TimeSpan.Zero, e.Message));
        }

        if (!manifest.IsEncrypted)
        {
            return (null, new UnlockResult(UnlockStatus.NotEncrypted, null, false, TimeSpan.Zero, null));
        }

        try
        {
            var bag = manifest.BackupKeyBag ?? throw new KeybagFormatException("no BackupKeyBag in Manifest.plist");
            return (new LockedBackup(folder, manifest, Keybag.Parse(bag.Span)), null);
        }
        catch (KeybagFormatException e)
        {
            return (null, new UnlockResult(UnlockStatus.KeybagDamaged, null, true, TimeSpan.Zero, e.Message));
        }
    }

    /// <param name="password">The password's UTF-8 bytes (null or empty: none was given); zeroed before returning.</param>
    public static async Task<UnlockResult> UnlockAsync(LockedBackup backup, byte[]? password, IProgress<PasswordCheckProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backup);
        if (password is null || password.Length == 0)
        {
            return new UnlockResult(UnlockStatus.NoPassword, null, true, TimeSpan.Zero, null);
        }

        var clock = Stopwatch.StartNew();
        BackupKeys? keys;
        try
        {
            keys = await PasswordChecker.CheckAsync(backup.Keybag, password, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }

        if (keys is not null && backup.Manifest.ManifestKey is { } manifestKey && !Unwraps(keys, manifestKey.Span))
        {
            keys = null;
        }

        return new UnlockResult(keys is null ? UnlockStatus.WrongPassword : UnlockStatus.Unlocked, keys, true, clock.Elapsed, null);
    }

    private static bool Unwraps(BackupKeys keys, ReadOnlySpan<byte> entry)
    {
        try
        {
            return keys.UnwrapEntry(entry) is not null;
        }
        catch (EvidenceFormatException)
        {
            return false;
        }
    }
}
