using System.Diagnostics.Metrics;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Tests.Api;

public sealed class MemoryMetricsTests
{
    [Fact]
    public async Task Gauges_AfterASessionIsStartedAndRead_ReportWhatTheServerKeeps()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var session = await (await client.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        (await client.GetAsync($"/api/sessions/{session.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();

        // Only this server's meter (other tests run servers in the same process): its scope is the server's factory.
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MemoryMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.True(values.GetValueOrDefault("kiriwake.session_cache.count") >= 1, string.Join(", ", values));
        Assert.InRange(values.GetValueOrDefault("kiriwake.session_cache.size"), 1, server.Services.GetRequiredService<KiriwakeWebOptions>().SessionCacheBytes);
        Assert.True(values.GetValueOrDefault("kiriwake.recommendations.count") >= 1, string.Join(", ", values));
        Assert.True(values.GetValueOrDefault("kiriwake.sqlite.memory") > 0, string.Join(", ", values));
    }
}
