using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Tests.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kiriwake.Helpdesk.Tests.Audit;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTests(ThrowawayPostgres server)
{
    private const string DropTriggers = "DROP TRIGGER audit_events_no_change ON audit_events";

    [PostgresFact]
    public async Task AppendAsync_ThreeEvents_ChainVerifiesIntact()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.AppendedRows_Verify_Intact(store);
    }

    [PostgresFact]
    public async Task UpdateOrDelete_AuditTable_RefusedByDatabase()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.UpdateAndDelete_ByApp_Refused(store);
    }

    [PostgresFact]
    public async Task Truncate_AuditTable_RefusedByDatabase()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.AppendThree(store);
        await using var db = store.Open();
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_events"));
    }

    [PostgresFact]
    public async Task UpdateAsOwner_TriggerDroppedBySuperuser_StillRefusedByRevokedPrivilege()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.AppendThree(store);
        await store.AdminExecuteAsync(DropTriggers);
        await using var db = store.Open();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [PostgresFact]
    public async Task VerifyAsync_RowEditedWithTriggerDropped_ReportsThatRow()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.RowEditedBehindTheTrigger_Verify_ReportsThatRow(store, DropTriggers);
    }

    [PostgresFact]
    public async Task VerifyAsync_RowRewrittenWithNewHash_ReportsNextRowsLink()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.RowRewrittenWithItsHash_Verify_ReportsNextRowsLink(store, DropTriggers);
    }

    [PostgresFact]
    public async Task VerifyAsync_MiddleRowDeleted_ReportsGap()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.MiddleRowDeleted_Verify_ReportsGap(store, DropTriggers);
    }

    [PostgresFact]
    public async Task AppendAsync_ConcurrentAppenders_ChainStaysLinear()
    {
        await using var store = await TestStore.PostgresAsync(server);
        await AuditStoreContract.ConcurrentAppenders_ChainStaysLinear(store, appenders: 8, each: 25);
    }
}
