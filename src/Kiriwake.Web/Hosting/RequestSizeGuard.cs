using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Pages;

namespace Kiriwake.Web.Hosting;

/// <summary>Refuses a request whose declared body is over the limit before reading any of it (413).</summary>
public static class RequestSizeGuard
{
    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength is { } length && length > TextLimits.MaxRequestBytes)
        {
            var mb = TextLimits.MaxUploadBytes / (1024 * 1024);
            context.Response.Headers.Connection = "close";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await TypedResults.Problem(detail: string.Format(System.Globalization.CultureInfo.InvariantCulture, WebText.TooLarge.Get(Language.En), mb), statusCode: 413).ExecuteAsync(context);
            }
            else
            {
                var language = PageLanguage.Of(context);
                await ErrorPage.WriteAsync(context, 413, string.Format(System.Globalization.CultureInfo.InvariantCulture, WebText.TooLarge.Get(language), mb), language);
            }

            return;
        }

        await next();
    });
}
