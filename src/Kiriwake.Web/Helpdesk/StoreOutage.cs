using System.Data.Common;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Pages;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kiriwake.Web.Helpdesk;

/// <summary>
/// When the database is unreachable after EF Core's retries (PostgreSQL restarting, SQLite locked too long), the
/// request ends with 503 and Retry-After — a clear, retryable error — instead of a 500. Nothing half-done is kept:
/// every write is one transaction. The next request after the database is back simply works (no restart).
/// </summary>
public static class StoreOutage
{
    public const int RetryAfterSeconds = 5;

    public static WebApplication UseStoreOutage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (IsOutage(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var language = PageLanguage.Of(context);
                var ja = language == Language.Ja;
                var message = ja
                    ? "データベースに一時的につながりません。入力は失われていません。数秒後にもう一度お試しください。"
                    : "The database is unreachable for the moment. Nothing you entered was lost. Please try again in a few seconds.";
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    await Results.Problem(statusCode: 503, title: "store unavailable; retry", detail: message).ExecuteAsync(context);
                }
                else
                {
                    await ErrorPage.Show(context, 503, message, language).ExecuteAsync(context);
                }
            }
        });
        return app;
    }

    /// <summary>The database could not be reached or went away: retrying later can succeed.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or TimeoutException || e is NpgsqlException { IsTransient: true } || (e is DbException { IsTransient: true }))
            {
                return true;
            }

            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }
}
