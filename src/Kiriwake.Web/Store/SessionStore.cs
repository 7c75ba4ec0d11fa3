using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Store;

/// <summary>Two requests changed one session at the same moment; the later change was not stored.</summary>
public sealed class SessionConflictException : Exception
{
    public SessionConflictException()
    {
    }

    public SessionConflictException(string message)
        : base(message)
    {
    }

    public SessionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What the store holds about a session without its log: its version (the event count) and its expiry.</summary>
public sealed record SessionVersion(int EventCount, DateTimeOffset ExpiresAt);

/// <summary>
/// Sessions in the database. Each write is one statement: a session is created whole or not at all; a new log
/// replaces the old one only if nobody else wrote since it was read (the event count is the concurrency token).
/// A log only ever grows (an undo is an event too), so the event count is the session's version: a given count of a
/// given session always names the same log, which lets a process cache what it derived from it.
/// </summary>
public sealed class SessionStore(StoreContext db, TimeProvider time, StoreWriteGate gate)
{
    // The hot queries, compiled once per provider (a compiled query is bound to the model of one context type).
    private static readonly Func<SqliteStoreContext, string, CancellationToken, Task<SessionRow?>> SqliteRow =
        EF.CompileAsyncQuery((SqliteStoreContext c, string id, CancellationToken _) => c.Sessions.AsNoTracking().FirstOrDefault(s => s.Id == id));

    private static readonly Func<PostgresStoreContext, string, CancellationToken, Task<SessionRow?>> PostgresRow =
        EF.CompileAsyncQuery((PostgresStoreContext c, string id, CancellationToken _) => c.Sessions.AsNoTracking().FirstOrDefault(s => s.Id == id));

    private static readonly Func<SqliteStoreContext, string, CancellationToken, Task<SessionVersion?>> SqliteVersion =
        EF.CompileAsyncQuery((SqliteStoreContext c, string id, CancellationToken _) =>
            c.Sessions.Where(s => s.Id == id).Select(s => new SessionVersion(s.EventCount, s.ExpiresAt)).FirstOrDefault());

    private static readonly Func<PostgresStoreContext, string, CancellationToken, Task<SessionVersion?>> PostgresVersion =
        EF.CompileAsyncQuery((PostgresStoreContext c, string id, CancellationToken _) =>
            c.Sessions.Where(s => s.Id == id).Select(s => new SessionVersion(s.EventCount, s.ExpiresAt)).FirstOrDefault());

    public async Task CreateAsync(SessionRow session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        db.Sessions.Add(session);
        try
        {
            await gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The session, or null when it does not exist or has expired.</summary>
    public async Task<SessionRow?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsWellFormed(id))
        {
            return null;
        }

        var session = db switch
        {
            SqliteStoreContext sqlite => await SqliteRow(sqlite, id, cancellationToken),
            PostgresStoreContext postgres => await PostgresRow(postgres, id, cancellationToken),
            _ => await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken),
        };
        return session is null || session.ExpiresAt <= time.GetUtcNow() ? null : session;
    }

    /// <summary>The session's version (one indexed read, without its log), or null when it does not exist or has expired.</summary>
    public async Task<SessionVersion?> VersionAsync(string id, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsWellFormed(id))
        {
            return null;
        }

        var version = db switch
        {
            SqliteStoreContext sqlite => await SqliteVersion(sqlite, id, cancellationToken),
            PostgresStoreContext postgres => await PostgresVersion(postgres, id, cancellationToken),
            _ => await db.Sessions.Where(s => s.Id == id).Select(s => new SessionVersion(s.EventCount, s.ExpiresAt)).FirstOrDefaultAsync(cancellationToken),
        };
        return version is null || version.ExpiresAt <= time.GetUtcNow() ? null : version;
    }

    /// <summary>Stores a longer log for a session read with <paramref name="readCount"/> events, and moves its expiry on.</summary>
    /// <exception cref="SessionConflictException">Another request wrote in between.</exception>
    public Task SaveLogAsync(SessionRow session, int readCount, CancellationToken cancellationToken) =>
        gate.RunAsync(() => WriteLogAsync(db, session, readCount, cancellationToken), cancellationToken);

    /// <summary>
    /// The same, through a context joined to another context's transaction (see <see cref="SharedTransaction"/>): the
    /// new log commits with that transaction or not at all.
    /// </summary>
    /// <exception cref="SessionConflictException">Somebody else wrote the session since it was read.</exception>
    public static Task SaveLogInTransactionAsync(StoreContext joined, SessionRow session, int readCount, CancellationToken cancellationToken) =>
        WriteLogAsync(joined, session, readCount, cancellationToken);

    private static async Task<bool> WriteLogAsync(StoreContext db, SessionRow session, int readCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(session);
        if (session.EventCount < readCount)
        {
            // The event count is the session's version (caches rely on it): a stored log never shrinks.
            throw new ArgumentException($"A new log must hold at least the {readCount} events read; it holds {session.EventCount}.", nameof(session));
        }

        // The same count is the same log (it only grows): only the expiry moves, so the version keeps naming one log.
        var changed = session.EventCount == readCount
            ? await db.Sessions
                .Where(s => s.Id == session.Id && s.EventCount == readCount)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, session.ExpiresAt), cancellationToken)
            : await db.Sessions
                .Where(s => s.Id == session.Id && s.EventCount == readCount)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Log, session.Log)
                    .SetProperty(s => s.EventCount, session.EventCount)
                    .SetProperty(s => s.ExpiresAt, session.ExpiresAt), cancellationToken);
        return changed == 1 ? true : throw new SessionConflictException("The session was changed by another request.");
    }

    /// <summary>Deletes expired sessions with everything they hold (answers, facts from pasted text); returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return gate.RunAsync(() => db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken), cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Sessions.CountAsync(cancellationToken);
}
