namespace Kiriwake.Evidence.Tests.Fixtures;

/// <summary>
/// What kind of backup the fixture generator writes. Key-derivation rounds default low so tests stay fast;
/// the real parameters (10,000,000 / 10,000) are covered by the §6.4 known-answer test.
/// </summary>
public sealed record BackupSpec(
    int Files = 24,
    int MaxFileBytes = 3000,
    bool Encrypted = false,
    string Password = "kiriwake-test",
    int DoublePassIterations = 1000,
    int Iterations = 10,
    int Seed = 1,
    string DeviceName = "太郎のiPhone",
    string ProductType = "iPhone12,8",
    string ProductVersion = "17.5.1",
    DateTimeOffset? Date = null)
{
    public static readonly DateTimeOffset DefaultDate = new(2026, 11, 20, 21, 30, 0, TimeSpan.Zero);

    public DateTimeOffset BackupDate => Date ?? DefaultDate;
}
