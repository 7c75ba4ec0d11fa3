using Kiriwake.Web.Store;
using Microsoft.Extensions.Caching.Memory;

namespace Kiriwake.Web.Api;

/// <summary>
/// The API's session object as sent (UTF-8 JSON), kept per session for the version it was made from, so that
/// reading an unchanged session costs one indexed read of its version instead of a replay of its log.
/// The store stays the source of truth: every read asks the store for the session's version (its event count,
/// which only ever grows) and uses the kept object only when the versions match, so a change made by another
/// process is never hidden. An object is also tied to the knowledge it was worked out with (the knowledge base with
/// the approved learned overlay, which an admin can change while sessions run): after a switch it is not used.
/// Bounded by bytes: the least recently used objects are dropped first.
/// The stored row the object was made from is kept with it (<see cref="GetRow"/>): a change to the session can start
/// from it instead of reading the store, because the store refuses a write that does not name its current version.
/// </summary>
public sealed class SessionObjectCache : IDisposable
{
    /// <summary>What one kept object costs besides its bytes (key, entry and bookkeeping), for the bound.</summary>
    private const int EntryOverhead = 200;

    /// <summary>What a kept row costs besides its log (the object, its strings other than the log).</summary>
    private const int RowOverhead = 250;

    private readonly MemoryCache _cache;

    public SessionObjectCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(capacityBytes, 1), CompactionPercentage = 0.25, TrackStatistics = true });
    }

    public long CapacityBytes { get; }

    /// <summary>The object kept for this version of the session worked out with this knowledge, or null.</summary>
    public byte[]? Get(string id, int version, object knowledge) =>
        CapacityBytes > 0 && _cache.TryGetValue(id, out Kept? kept) && kept!.Version == version && ReferenceEquals(kept.Knowledge, knowledge)
            ? kept.Json
            : null;

    /// <summary>A copy of the stored row the kept object was made from (whatever the knowledge), or null. It may be
    /// behind the store (another process or request changed the session since): a write from it names its version.</summary>
    public SessionRow? GetRow(string id) =>
        CapacityBytes > 0 && _cache.TryGetValue(id, out Kept? kept) && kept!.Row is { } row ? Copy(row) : null;

    /// <summary>Keeps the object made from this version of the session (a later version replaces an earlier one),
    /// and the stored row it was made from.</summary>
    public void Put(string id, int version, object knowledge, byte[] json, SessionRow? row = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(json);
        if (row is not null && (row.Id != id || row.EventCount != version))
        {
            throw new ArgumentException("The row is not this version of this session.", nameof(row));
        }

        var size = json.Length + EntryOverhead + (id.Length * 2) + (row is null ? 0 : (row.Log.Length * 2) + RowOverhead);
        if (CapacityBytes == 0 || size > CapacityBytes)
        {
            return;
        }

        if (_cache.TryGetValue(id, out Kept? kept) && kept!.Version > version && ReferenceEquals(kept.Knowledge, knowledge))
        {
            return; // a slower request made an older version: keep the newer one
        }

        _cache.Set(id, new Kept(version, knowledge, json, row is null ? null : Copy(row)), new MemoryCacheEntryOptions { Size = size });
    }

    /// <summary>How many objects are kept now.</summary>
    public int Count => _cache.Count;

    /// <summary>What the kept objects cost now by the bound's estimate (at most <see cref="CapacityBytes"/>).</summary>
    public long EstimatedBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public void Dispose() => _cache.Dispose();

    private static SessionRow Copy(SessionRow row) => new()
    {
        Id = row.Id,
        SymptomId = row.SymptomId,
        Language = row.Language,
        Log = row.Log,
        EventCount = row.EventCount,
        CreatedAt = row.CreatedAt,
        ExpiresAt = row.ExpiresAt,
    };

    private sealed record Kept(int Version, object Knowledge, byte[] Json, SessionRow? Row);
}
