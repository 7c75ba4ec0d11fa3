namespace Kiriwake.Evidence.Backup;

/// <summary>What to verify. <see cref="Keys"/> (from a password check) lets an encrypted backup be read and decrypted.</summary>
public sealed record VerifyOptions(
    bool Deep = false,
    Crypto.BackupKeys? Keys = null,
    IProgress<DeepCheckProgress>? Progress = null,
    int MaxExamples = 10,
    bool MeasureDisk = false);
