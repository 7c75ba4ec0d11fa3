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
/// </summary>
public sealed class SessionObjectCache : IDisposable
{
    /// <summary>What one kept object costs besides its bytes (key, entry and bookkeeping), for the bound.</summary>
    private const int EntryOverhead = 200;

    private readonly MemoryCache _cache;

    public SessionObjectCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(capacityBytes, 1), CompactionPercentage = 0.25 });
    }

    public long CapacityBytes { get; }

    /// <summary>The object kept for this version of the session worked out with this knowledge, or null.</summary>
    public byte[]? Get(string id, int version, object knowledge) =>
        CapacityBytes > 0 && _cache.TryGetValue(id, out Kept? kept) && kept!.Version == version && ReferenceEquals(kept.Knowledge, knowledge)
            ? kept.Json
            : null;

    /// <summary>Keeps the object made from this version of the session (a later version replaces an earlier one).</summary>
    public void Put(string id, int version, object knowledge, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(json);
        if (CapacityBytes == 0 || json.Length + EntryOverhead > CapacityBytes)
        {
            return;
        }

        if (_cache.TryGetValue(id, out Kept? kept) && kept!.Version > version && ReferenceEquals(kept.Knowledge, knowledge))
        {
            return; // a slower request made an older version: keep the newer one
        }

        _cache.Set(id, new Kept(version, knowledge, json), new MemoryCacheEntryOptions { Size = json.Length + EntryOverhead + (id.Length * 2) });
    }

    /// <summary>How many objects are kept now.</summary>
    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();

    private sealed record Kept(int Version, object Knowledge, byte[] Json);
}
