using System.Diagnostics;
using Kiriwake.Core.Conversation;
using Kiriwake.Web.Helpdesk.Learning;
using Kiriwake.Web.Hosting;

namespace Kiriwake.Web.Diagnosis;

/// <summary>
/// In the background, walks the likely routes of every symptom of the knowledge in use (<see cref="KnowledgeModels.Warm"/>)
/// once at start and again whenever an approved overlay replaces it, so that the first people after a start do not
/// wait for the engine's first solves. Requests are served meanwhile; one that reaches a state being worked out
/// waits for that one result. Off with <see cref="KiriwakeWebOptions.WarmEngines"/> = false.
/// </summary>
public sealed class EngineWarmer(ServedKnowledge served, KiriwakeWebOptions options, ILogger<EngineWarmer> log) : BackgroundService
{
    /// <summary>How often the knowledge in use is looked at for a replacement.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private KnowledgeModels? _warmed;

    /// <summary>The knowledge last warmed (null before the first walk ends).</summary>
    public KnowledgeModels? Warmed => Volatile.Read(ref _warmed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmEngines)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var current = served.Current;
                if (!ReferenceEquals(current, Warmed))
                {
                    await Task.Run(() => Warm(current, stoppingToken), stoppingToken);
                }

                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Warm(KnowledgeModels models, CancellationToken stoppingToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var decisions = models.Warm(stoppingToken);
            log.LogInformation("Worked out {Decisions} likely decisions of {Symptoms} symptoms ahead of time in {Ms} ms", decisions, models.Knowledge.Content.Symptoms.Count, (long)watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Warming only saves time: sessions work their decisions out themselves when it fails.
            log.LogWarning(e, "Could not work out the likely decisions ahead of time");
        }

        Volatile.Write(ref _warmed, models);
    }
}
