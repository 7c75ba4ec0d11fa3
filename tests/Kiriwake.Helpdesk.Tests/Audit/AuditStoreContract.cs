using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Web.Helpdesk.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Helpdesk.Tests.Audit;

/// <summary>What the audit table must do on every store; run on SQLite and on PostgreSQL.</summary>
internal static class AuditStoreContract
{
    public static async Task AppendThree(TestStore store)
    {
        var time = new ManualTime(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero).AddTicks(123_4567));
        await using var db = store.Open();
        var log = new AuditLog(db, time);
        await log.AppendAsync(new AuditEntry("sato", "sign-in"), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        await log.AppendAsync(new AuditEntry("suzuki", "consent", "K7Q4M2", "{\"step\":\"erase\"}"), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        await log.AppendAsync(new AuditEntry("sato", "close", "K7Q4M2"), CancellationToken.None);
    }

    public static async Task<AuditVerification> Verify(TestStore store)
    {
        await using var db = store.Open();
        return await AuditVerifier.VerifyAsync(db, CancellationToken.None);
    }

    public static async Task AppendedRows_Verify_Intact(TestStore store)
    {
        await AppendThree(store);
        var result = await Verify(store);
        Assert.True(result.Intact, result.FirstBreak?.Message);
        Assert.Equal(3, result.RowsChecked);
        await using var db = store.Open();
        var rows = await db.AuditEvents.OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Seq));
        Assert.Equal(AuditChain.Genesis, rows[0].PrevHash);
        Assert.Equal(rows[0].Hash, rows[1].PrevHash);
        Assert.Equal("K7Q4M2", rows[1].CaseCode);
    }

    public static async Task UpdateAndDelete_ByApp_Refused(TestStore store)
    {
        await AppendThree(store);
        await using var db = store.Open();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events WHERE seq = 3"));
        var result = await Verify(store);
        Assert.True(result.Intact);
        Assert.Equal(3, result.RowsChecked);
    }

    public static async Task RowEditedBehindTheTrigger_Verify_ReportsThatRow(TestStore store, string dropTriggerSql)
    {
        await AppendThree(store);
        await store.AdminExecuteAsync(dropTriggerSql);
        await store.AdminExecuteAsync("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2");

        var result = await Verify(store);

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBreak!.Seq);
        Assert.Equal(AuditBreakKind.Content, result.FirstBreak.Kind);
        Assert.Equal(1, result.RowsChecked);
    }

    public static async Task RowRewrittenWithItsHash_Verify_ReportsNextRowsLink(TestStore store, string dropTriggerSql)
    {
        await AppendThree(store);
        AuditEvent forged;
        await using (var db = store.Open())
        {
            forged = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Seq == 2);
        }

        forged.Actor = "mallory";
        var newHash = AuditChain.ComputeHash(forged);
        await store.AdminExecuteAsync(dropTriggerSql);
        await store.AdminExecuteAsync($"UPDATE audit_events SET actor = 'mallory', hash = '{newHash}' WHERE seq = 2");

        var result = await Verify(store);

        Assert.Equal(3, result.FirstBreak!.Seq);
        Assert.Equal(AuditBreakKind.Link, result.FirstBreak.Kind);
    }

    public static async Task MiddleRowDeleted_Verify_ReportsGap(TestStore store, string dropTriggerSql)
    {
        await AppendThree(store);
        await store.AdminExecuteAsync(dropTriggerSql);
        await store.AdminExecuteAsync("DELETE FROM audit_events WHERE seq = 2");

        var result = await Verify(store);

        Assert.Equal(3, result.FirstBreak!.Seq);
        Assert.Equal(AuditBreakKind.Gap, result.FirstBreak.Kind);
    }

    public static async Task ConcurrentAppenders_ChainStaysLinear(TestStore store, int appenders, int each)
    {
        var tasks = Enumerable.Range(0, appenders).Select(a => Task.Run(async () =>
        {
            await using var db = store.Open();
            var log = new AuditLog(db, TimeProvider.System);
            for (var i = 0; i < each; i++)
            {
                await log.AppendAsync(new AuditEntry($"agent{a}", "answer", "K7Q4M2", $"{{\"n\":{i}}}"), CancellationToken.None);
            }
        }));
        await Task.WhenAll(tasks);

        var result = await Verify(store);
        Assert.True(result.Intact, result.FirstBreak?.Message);
        Assert.Equal(appenders * each, result.RowsChecked);
    }
}
