using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;

namespace Kiriwake.Web.Pages;

/// <summary>
/// The language of a page: ?lang=ja|en (remembered in a cookie), else the cookie, else the browser's first
/// language (Japanese for ja-*, English otherwise).
/// </summary>
public static class PageLanguage
{
    public const string Cookie = "kiriwake-lang";

    public static Language Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (LanguageCodes.Parse(context.Request.Query["lang"]) is { } chosen)
        {
            context.Response.Cookies.Append(Cookie, LanguageCodes.Of(chosen), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
                Secure = context.Request.IsHttps,
            });
            return chosen;
        }

        if (LanguageCodes.Parse(context.Request.Cookies[Cookie]) is { } remembered)
        {
            return remembered;
        }

        var accept = context.Request.GetTypedHeaders().AcceptLanguage;
        var first = accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault();
        return first is not null && first.Value.Value?.StartsWith("ja", StringComparison.OrdinalIgnoreCase) == true ? Language.Ja
            : first is null ? Language.Ja : Language.En;
    }
}
