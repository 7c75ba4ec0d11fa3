using System.Globalization;
using Kiriwake.Web.Helpdesk.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>Walks the audit table in order and reports the first row whose position, link or contents are wrong.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(HelpdeskContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        long checkedRows = 0;
        var expectedSeq = 1L;
        var previousHash = AuditChain.Genesis;
        await foreach (var row in db.AuditEvents.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var found = Check(row, expectedSeq, previousHash);
            if (found is not null)
            {
                return new AuditVerification(checkedRows, found);
            }

            checkedRows++;
            expectedSeq = row.Seq + 1;
            previousHash = row.Hash;
        }

        return new AuditVerification(checkedRows, null);
    }

    /// <summary>The break at this row, or null when it follows the previous one correctly.</summary>
    public static AuditBreak? Check(AuditEvent row, long expectedSeq, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Seq != expectedSeq)
        {
            return new AuditBreak(row.Seq, AuditBreakKind.Gap, string.Create(CultureInfo.InvariantCulture,
                $"row {row.Seq}: expected row {expectedSeq} here; rows are missing or were inserted"));
        }

        if (!string.Equals(row.PrevHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Seq, AuditBreakKind.Link, string.Create(CultureInfo.InvariantCulture,
                $"row {row.Seq}: does not link to row {row.Seq - 1} (the row before it was changed or replaced)"));
        }

        if (!string.Equals(AuditChain.ComputeHash(row), row.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Seq, AuditBreakKind.Content, string.Create(CultureInfo.InvariantCulture,
                $"row {row.Seq}: its contents do not match its hash (the row was edited)"));
        }

        return null;
    }
}
