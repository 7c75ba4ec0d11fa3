using Kiriwake.Helpdesk.Tests.Support;

namespace Kiriwake.Helpdesk.Tests.Audit;

public sealed class SqliteAuditTests
{
    private const string DropTriggers = "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;";

    [Fact]
    public async Task AppendAsync_ThreeEvents_ChainVerifiesIntact()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.AppendedRows_Verify_Intact(store);
    }

    [Fact]
    public async Task UpdateOrDelete_AuditTable_RefusedByDatabase()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.UpdateAndDelete_ByApp_Refused(store);
    }

    [Fact]
    public async Task VerifyAsync_RowEditedWithTriggerDropped_ReportsThatRow()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.RowEditedBehindTheTrigger_Verify_ReportsThatRow(store, DropTriggers);
    }

    [Fact]
    public async Task VerifyAsync_RowRewrittenWithNewHash_ReportsNextRowsLink()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.RowRewrittenWithItsHash_Verify_ReportsNextRowsLink(store, DropTriggers);
    }

    [Fact]
    public async Task VerifyAsync_MiddleRowDeleted_ReportsGap()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.MiddleRowDeleted_Verify_ReportsGap(store, DropTriggers);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppenders_ChainStaysLinear()
    {
        await using var store = await TestStore.SqliteAsync();
        await AuditStoreContract.ConcurrentAppenders_ChainStaysLinear(store, appenders: 4, each: 15);
    }
}
