using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Store;

/// <summary>Two processes changed one session at the same moment; the later change was not stored.</summary>
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
/// Sessions as event logs in the database. Every write is one transaction: a session is created with its first
/// events or not at all; events are appended at the position the writer read, or the write is refused.
/// </summary>
public sealed class SessionStore(StoreContext db, TimeProvider time)
{
    public async Task CreateAsync(SessionRow session, IReadOnlyList<SessionEventRow> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        session.EventCount = events.Count;
        session.Events = [.. events];
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The session with its events in order, or null when it does not exist or has expired.</summary>
    public async Task<SessionRow?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsWellFormed(id))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var session = await db.Sessions.AsNoTracking().Include(s => s.Events).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || session.ExpiresAt <= now)
        {
            return null;
        }

        session.Events = [.. session.Events.OrderBy(e => e.Sequence)];
        return session;
    }

    /// <summary>Appends events after the ones <paramref name="session"/> was loaded with, and moves its expiry on.</summary>
    /// <exception cref="SessionConflictException">Another request appended in between.</exception>
    public async Task AppendAsync(SessionRow session, IReadOnlyList<SessionEventRow> events, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        var loadedCount = session.EventCount;
        var tracked = new SessionRow
        {
            Id = session.Id,
            SymptomId = session.SymptomId,
            Language = session.Language,
            Family = session.Family,
            Platform = session.Platform,
            CreatedAt = session.CreatedAt,
            ExpiresAt = session.ExpiresAt,
            EventCount = loadedCount,
        };
        db.Sessions.Attach(tracked);
        tracked.EventCount = loadedCount + events.Count;
        tracked.ExpiresAt = expiresAt;
        tracked.Family = session.Family;
        tracked.Platform = session.Platform;
        db.Entry(tracked).Property(s => s.Family).IsModified = true;
        db.Entry(tracked).Property(s => s.Platform).IsModified = true;
        for (var i = 0; i < events.Count; i++)
        {
            events[i].SessionId = session.Id;
            events[i].Sequence = loadedCount + i;
            db.SessionEvents.Add(events[i]);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new SessionConflictException("The session was changed by another request.", e);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        session.EventCount = tracked.EventCount;
        session.ExpiresAt = expiresAt;
        session.Events.AddRange(events);
    }

    /// <summary>Deletes expired sessions with everything they hold (pasted text, answers); returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = db.Sessions.Where(s => s.ExpiresAt <= now).Select(s => s.Id);
        await db.SessionEvents.Where(e => expired.Contains(e.SessionId)).ExecuteDeleteAsync(cancellationToken);
        return await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Sessions.CountAsync(cancellationToken);
}
