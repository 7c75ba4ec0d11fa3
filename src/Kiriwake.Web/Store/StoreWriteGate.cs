namespace Kiriwake.Web.Store;

/// <summary>
/// One writer at a time per SQLite store in this process. SQLite lets one connection write at a time; a second
/// writer is refused with "database is locked" and Microsoft.Data.Sqlite retries it only after sleeping 150 ms, so
/// concurrent answers queue here instead (microseconds each). PostgreSQL takes concurrent writers: no gate.
/// Other processes on the same SQLite file still meet SQLite's own lock (and its retry).
/// </summary>
public sealed class StoreWriteGate(StoreConnection connection) : IDisposable
{
    private readonly SemaphoreSlim? _gate = connection?.Provider == StoreProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Runs <paramref name="write"/> alone among this process's writers to the store.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_gate is null)
        {
            return await write();
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate?.Dispose();
}
