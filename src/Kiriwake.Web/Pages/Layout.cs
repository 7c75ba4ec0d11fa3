using System.Text;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>The frame of every page: language, skip link, header with the language switch, navigation, footer.</summary>
public static class Layout
{
    public static IResult Page(HttpContext context, Language language, string title, Html body, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var t = (LocalizedText x) => Html.E(x.Get(language));
        var local = context.RequestServices.GetRequiredService<LocalMode>().Enabled;
        var other = language == Language.Ja ? Language.En : Language.Ja;
        var otherName = other == Language.Ja ? "日本語" : "English";
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"").Append(LanguageCodes.Of(language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(title)).Append(" — ").Append(language == Language.Ja ? "切り分け" : "Kiriwake").Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(t(WebText.SkipToContent)).Append("</a>")
            .Append("<header class=\"top\"><a class=\"brand\" href=\"/\">").Append(language == Language.Ja ? "切り分け" : "Kiriwake").Append("</a>")
            .Append("<nav class=\"lang\" aria-label=\"").Append(t(WebText.Language)).Append("\"><a href=\"").Append(Html.E(SwitchUrl(context, other)))
            .Append("\" lang=\"").Append(LanguageCodes.Of(other)).Append("\" hreflang=\"").Append(LanguageCodes.Of(other)).Append("\">").Append(otherName).Append("</a></nav></header>")
            .Append("<main id=\"main\" tabindex=\"-1\">").Append(body).Append("</main>")
            .Append("<footer class=\"foot\"><nav aria-label=\"").Append(t(WebText.Browse)).Append("\"><ul>")
            .Append("<li><a href=\"/\">").Append(t(WebText.Start)).Append("</a></li>")
            .Append("<li><a href=\"/kb/codes\">").Append(t(WebText.ErrorCodes)).Append("</a></li>")
            .Append("<li><a href=\"/kb/procedures\">").Append(t(WebText.Procedures)).Append("</a></li>")
            .Append("<li><a href=\"/kb/checklists\">").Append(t(WebText.Checklists)).Append("</a></li>")
            .Append("<li><a href=\"/kb/faq\">").Append(t(WebText.Faq)).Append("</a></li>")
            .Append("<li><a href=\"/kb/flow\">").Append(t(WebText.Flow)).Append("</a></li>");
        if (local)
        {
            sb.Append("<li><a href=\"/local/backups\">").Append(t(WebText.Backups)).Append("</a></li>")
                .Append("<li><a href=\"/local/device\">").Append(t(WebText.Device)).Append("</a></li>");
        }

        sb.Append("</ul></nav>");
        if (local)
        {
            sb.Append("<p>").Append(t(WebText.Footer)).Append("</p>");
        }

        sb.Append("</footer><script src=\"/js/site.js\" defer></script></body></html>");
        return Results.Content(sb.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static string Antiforgery(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    private static string SwitchUrl(HttpContext context, Language to)
    {
        var query = context.Request.Query.Where(q => q.Key != "lang").Select(q => $"{Html.Url(q.Key)}={Html.Url(q.Value.ToString())}");
        var rest = string.Join("&", query.Append("lang=" + LanguageCodes.Of(to)));
        return context.Request.Method == HttpMethods.Get ? context.Request.Path + "?" + rest : "/?" + rest;
    }
}

/// <summary>Whether the local evidence pages (backups, device) are on: only when the app listens on loopback.</summary>
public sealed record LocalMode(bool Enabled);
