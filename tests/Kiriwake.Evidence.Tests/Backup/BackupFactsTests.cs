using Kiriwake.Core.Facts;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Evidence.Tests.Backup;

public sealed class BackupFactsTests : IDisposable
{
    private static readonly DateTimeOffset s_backupDate = BackupSpec.DefaultDate;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string? Value(IReadOnlyList<Fact> facts, string key) => facts.SingleOrDefault(f => f.Key == key)?.Value;

    private async Task<BackupReport> Report(bool deep, Action<string>? damage = null)
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 10));
        damage?.Invoke(folder);
        return await new BackupVerifier(new FixedTimeProvider(s_backupDate.AddDays(1))).VerifyAsync(folder, new VerifyOptions(Deep: deep), CancellationToken.None);
    }

    [Fact]
    public async Task From_CompleteDeepRecent_IsVerified()
    {
        var report = await Report(deep: true);

        var facts = BackupFacts.From(report, new FixedTimeProvider(s_backupDate.AddDays(2)), freeBytes: 500L << 30);

        Assert.Equal("true", Value(facts, FactKeys.BackupVerified));
        Assert.Equal("false", Value(facts, FactKeys.BackupLastIncomplete));
        Assert.Equal("false", Value(facts, FactKeys.BackupDestinationFull));
        Assert.Equal("false", Value(facts, FactKeys.BackupEncrypted));
        Assert.All(facts, f => Assert.Equal(FactSourceKind.Backup, f.Source.Kind));
    }

    [Fact]
    public async Task From_CompleteButThreeWeeksOld_IsNotVerified()
    {
        var report = await Report(deep: true);

        var facts = BackupFacts.From(report, new FixedTimeProvider(s_backupDate.AddDays(21)), freeBytes: null);

        Assert.Equal("false", Value(facts, FactKeys.BackupVerified));
        Assert.Null(Value(facts, FactKeys.BackupDestinationFull));
    }

    [Fact]
    public async Task From_CompleteWithoutDeepCheck_LeavesVerifiedUnsettled()
    {
        var report = await Report(deep: false);

        var facts = BackupFacts.From(report, new FixedTimeProvider(s_backupDate.AddDays(1)), freeBytes: null);

        Assert.Null(Value(facts, FactKeys.BackupVerified));
        Assert.Equal("false", Value(facts, FactKeys.BackupLastIncomplete));
    }

    [Fact]
    public async Task From_Interrupted_IsLastIncompleteAndNotVerified()
    {
        var report = await Report(deep: true, f => BackupDamage.SetPhase(f, "uploading"));

        var facts = BackupFacts.From(report, new FixedTimeProvider(s_backupDate.AddDays(1)), freeBytes: 100L << 20);

        Assert.Equal("false", Value(facts, FactKeys.BackupVerified));
        Assert.Equal("true", Value(facts, FactKeys.BackupLastIncomplete));
        Assert.Equal("true", Value(facts, FactKeys.BackupDestinationFull));
        Assert.Contains("uploading", facts.Single(f => f.Key == FactKeys.BackupLastIncomplete).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_NotABackup_GivesNoFacts()
    {
        var report = await new BackupVerifier(TimeProvider.System).VerifyAsync(_temp.Path, new VerifyOptions(), CancellationToken.None);

        Assert.Empty(BackupFacts.From(report, TimeProvider.System, freeBytes: 0));
    }
}
