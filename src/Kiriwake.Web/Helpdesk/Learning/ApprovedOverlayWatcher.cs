namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>Every few seconds, picks up an overlay approved (or withdrawn) on another server.</summary>
public sealed class ApprovedOverlayWatcher(IServiceScopeFactory scopes, ServedKnowledge served, TimeProvider time, ILogger<ApprovedOverlayWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await served.RefreshAsync(scope.ServiceProvider.GetRequiredService<LearningContext>(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be restarting: keep the overlay in use and try again at the next tick.
                    log.LogWarning(e, "Could not read the approved learned overlay; keeping the one in use");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
