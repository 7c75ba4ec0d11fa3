using System.Diagnostics;

namespace Kiriwake.Evidence.Crypto;

/// <summary>Progress of a password check: the fraction done is estimated from a measured rate (the KDF has no hooks).</summary>
public readonly record struct PasswordCheckProgress(double Fraction, TimeSpan Elapsed, TimeSpan Estimated);

/// <summary>
/// Checks whether a password opens an encrypted backup: PBKDF2-SHA256 then PBKDF2-SHA1, then RFC 3394 unwrap of
/// every password-wrapped class key (§6.2). The KDF is one native call (as fast as OpenSSL) that cannot be
/// interrupted, so it runs on a worker thread; cancelling stops waiting at once and the worker's result is
/// discarded. Progress is estimated from the speed of a short calibration run.
/// </summary>
public static class PasswordChecker
{
    private const int CalibrationIterations = 50_000;

    /// <returns>The unlocked keys, or null when the password is wrong.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<BackupKeys?> CheckAsync(
        Keybag keybag,
        byte[] password,
        IProgress<PasswordCheckProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keybag);
        ArgumentNullException.ThrowIfNull(password);
        long work = (long)(keybag.DoublePassIterations ?? 0) + keybag.Iterations;
        var estimated = progress is null ? TimeSpan.Zero : Calibrate(work);
        var clock = Stopwatch.StartNew();
        var derive = Task.Run(() => BackupKeys.DeriveKey(password, keybag), CancellationToken.None);
        while (!derive.IsCompleted)
        {
            var tick = Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            await Task.WhenAny(derive, tick).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (progress is not null && !derive.IsCompleted)
            {
                double fraction = estimated > TimeSpan.Zero ? Math.Min(0.99, clock.Elapsed / estimated) : 0;
                progress.Report(new PasswordCheckProgress(fraction, clock.Elapsed, estimated));
            }
        }

        byte[] derived = await derive.ConfigureAwait(false);
        progress?.Report(new PasswordCheckProgress(1, clock.Elapsed, clock.Elapsed));
        return BackupKeys.Unlock(keybag, derived);
    }

    /// <summary>Times a short PBKDF2-SHA256 run and scales it to the full work.</summary>
    private static TimeSpan Calibrate(long iterations)
    {
        var clock = Stopwatch.StartNew();
        System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("calibrate"u8, new byte[20], CalibrationIterations, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        return clock.Elapsed * ((double)iterations / CalibrationIterations);
    }
}
