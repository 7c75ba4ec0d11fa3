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

/// <summary>
/// Sessions in the database. Each write is one statement: a session is created whole or not at all; a new log
/// replaces the old one only if nobody else wrote since it was read (the event count is the concurrency token).
/// </summary>
public sealed class SessionStore(StoreContext db, TimeProvider time)
{
    public async Task CreateAsync(SessionRow session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        db.Sessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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

        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is null || session.ExpiresAt <= time.GetUtcNow() ? null : session;
    }

    /// <summary>Stores a longer log for a session read with <paramref name="readCount"/> events, and moves its expiry on.</summary>
    /// <exception cref="SessionConflictException">Another request wrote in between.</exception>
    public async Task SaveLogAsync(SessionRow session, int readCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var changed = await db.Sessions
            .Where(s => s.Id == session.Id && s.EventCount == readCount)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Log, session.Log)
                .SetProperty(s => s.EventCount, session.EventCount)
                .SetProperty(s => s.ExpiresAt, session.ExpiresAt), cancellationToken);
        if (changed != 1)
        {
            throw new SessionConflictException("The session was changed by another request.");
        }
    }

    /// <summary>Deletes expired sessions with everything they hold (answers, facts from pasted text); returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Sessions.CountAsync(cancellationToken);
}
