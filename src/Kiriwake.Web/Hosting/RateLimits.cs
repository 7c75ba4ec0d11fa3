using System.Threading.RateLimiting;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Pages;

namespace Kiriwake.Web.Hosting;

/// <summary>Session creation is limited per client address (a fixed window of one minute).</summary>
public static class RateLimits
{
    public const string SessionCreation = "session-creation";

    public static IServiceCollection AddKiriwakeRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SessionCreation, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = context.RequestServices.GetRequiredService<KiriwakeWebOptions>().SessionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var language = PageLanguage.Of(context.HttpContext);
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    await TypedResults.Problem(detail: WebText.TooMany.Get(Language.En), statusCode: 429).ExecuteAsync(context.HttpContext);
                }
                else
                {
                    await ErrorPage.WriteAsync(context.HttpContext, 429, WebText.TooMany.Get(language), language);
                }
            };
        });
}
