using System.Diagnostics.Metrics;
using Kiriwake.Web.Api;
using Kiriwake.Web.Helpdesk.Learning;

namespace Kiriwake.Web.Hosting;

/// <summary>
/// What the process holds besides the runtime, as gauges of the meter <see cref="MeterName"/> (read them with
/// `dotnet-counters monitor -p PID --counters Kiriwake.Web`): the kept session objects (bounded by
/// <see cref="KiriwakeWebOptions.SessionCacheBytes"/>), the kept recommendations (bounded by
/// <see cref="Kiriwake.Core.Diagnosis.EnginePolicyCache.RecommendationCapacity"/>) and SQLite's own memory (bounded by
/// <see cref="Store.StoreSetup.SqliteSoftHeapLimitBytes"/>). bench/web/memory.sh records them as the store grows.
/// </summary>
public sealed class MemoryMetrics : IDisposable
{
    public const string MeterName = "Kiriwake.Web";

    private readonly Meter _meter;

    public MemoryMetrics(IMeterFactory meters, SessionObjectCache sessions, ServedKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(knowledge);
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("kiriwake.session_cache.size", () => sessions.EstimatedBytes, "By", "Kept session objects and rows, by the bound's estimate");
        _meter.CreateObservableGauge("kiriwake.session_cache.count", () => sessions.Count, "{session}", "Sessions whose object is kept");
        _meter.CreateObservableGauge("kiriwake.recommendations.count", () => knowledge.Current.Policies.RecommendationCount, "{recommendation}", "Kept recommendations");
        _meter.CreateObservableGauge("kiriwake.sqlite.memory", () => SQLitePCL.raw.sqlite3_memory_used(), "By", "Memory SQLite holds (page caches, statements), all connections");
    }

    public void Dispose() => _meter.Dispose();
}
