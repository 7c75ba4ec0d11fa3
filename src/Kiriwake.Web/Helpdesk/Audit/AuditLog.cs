using Kiriwake.Web.Helpdesk.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>
/// Appends to the audit chain. Appenders are serialised so the chain never forks: PostgreSQL takes a
/// transaction-scoped advisory lock, SQLite's write transaction (BEGIN IMMEDIATE) holds the only write lock; the
/// primary key on seq refuses a second row at the same position whatever happens.
/// </summary>
public sealed class AuditLog(HelpdeskContext db, TimeProvider time)
{
    /// <summary>The advisory lock key of the audit chain ("kwaudit" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x6b_77_61_75_64_69_74;

    /// <summary>
    /// Appends one row. Inside the caller's transaction when there is one (so a consent and its audit row commit
    /// together); otherwise in a transaction of its own, retried as a whole on a transient fault.
    /// </summary>
    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (db.Database.CurrentTransaction is not null)
        {
            return await AppendInTransactionAsync(entry, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await AppendInTransactionAsync(entry, ct);
            await transaction.CommitAsync(ct);
            return row;
        }, cancellationToken);
    }

    private async Task<AuditEvent> AppendInTransactionAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Seq)
            .Select(e => new { e.Seq, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var row = new AuditEvent
        {
            Seq = (last?.Seq ?? 0) + 1,
            At = AuditChain.Normalize(time.GetUtcNow()),
            Actor = entry.Actor,
            Action = entry.Action,
            CaseCode = entry.CaseCode,
            Detail = entry.Detail,
            PrevHash = last?.Hash ?? AuditChain.Genesis,
        };
        row.Hash = AuditChain.ComputeHash(row);
        db.AuditEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return row;
    }
}
