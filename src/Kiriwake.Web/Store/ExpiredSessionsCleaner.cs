namespace Kiriwake.Web.Store;

/// <summary>Deletes expired sessions (with their answers and anything pasted) every few minutes.</summary>
public sealed class ExpiredSessionsCleaner(IServiceScopeFactory scopes, ILogger<ExpiredSessionsCleaner> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<SessionStore>().PurgeExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    log.LogInformation("Deleted {Count} expired sessions", deleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Could not delete expired sessions: {Message}", e.Message);
            }

            try
            {
                await Task.Delay(Every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
