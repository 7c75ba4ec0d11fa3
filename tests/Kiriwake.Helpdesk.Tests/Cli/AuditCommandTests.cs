using Kiriwake.Cli.Tests;
using Kiriwake.Helpdesk.Tests.Audit;
using Kiriwake.Helpdesk.Tests.Support;

namespace Kiriwake.Helpdesk.Tests.Cli;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task AuditVerify_IntactChain_ExitsZeroAndCountsRows()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.AppendThree(store);

        var result = await CliRunner.RunAsync("audit", "verify", "--store", store.Connection.ConnectionString, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("intact: 3 rows", Flat(result.Out), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_RowEditedBehindTheTrigger_ExitsOneNamingThatRow()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.AppendThree(store);
        await store.AdminExecuteAsync("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET detail = '{}' WHERE seq = 2;");

        var en = await CliRunner.RunAsync("audit", "verify", "--store", store.Connection.ConnectionString, "--lang", "en");
        var ja = await CliRunner.RunAsync("audit", "verify", "--store", store.Connection.ConnectionString, "--lang", "ja");

        Assert.Equal(1, en.ExitCode);
        Assert.Contains("BROKEN at row 2", Flat(en.Out), StringComparison.Ordinal);
        Assert.Contains("The 1 rows before it are intact", Flat(en.Out), StringComparison.Ordinal);
        Assert.Contains("2 件目で連鎖が切れています", Flat(ja.Out), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_StoreWithoutHelpdesk_SaysSoAndExitsNotFound()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kiriwake-helpdesk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var result = await CliRunner.RunAsync("audit", "verify", "--store", Path.Combine(folder, "empty.db"), "--lang", "en");

            Assert.Equal(4, result.ExitCode);
            Assert.Contains("holds no helpdesk tables", Flat(result.Error), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The terminal wraps long lines; the tests read the words.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
