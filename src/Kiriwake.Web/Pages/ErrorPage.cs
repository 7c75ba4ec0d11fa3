using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;

namespace Kiriwake.Web.Pages;

/// <summary>A clear error page in the person's language, with a way back.</summary>
public static class ErrorPage
{
    /// <param name="back">Where the person came from and what to call it; without it, the start page.</param>
    public static IResult Show(HttpContext context, int status, string message, Language language, (string Href, string Label)? back = null)
    {
        var body = new Html();
        body.El("h1", status == 404 ? WebText.NotFound.Get(language) : WebText.BadRequest.Get(language));
        body.El("p", message, "class=\"notice error\" role=\"alert\"");
        var (href, label) = back ?? ("/", WebText.Start.Get(language));
        body.Raw($"<p><a class=\"button\" id=\"error-back\" href=\"{Html.E(href)}\">").Text(label).Raw("</a></p>");
        return Layout.Page(context, language, status == 404 ? WebText.NotFound.Get(language) : WebText.BadRequest.Get(language), body, status);
    }

    public static Task WriteAsync(HttpContext context, int status, string message, Language language) =>
        Show(context, status, message, language).ExecuteAsync(context);
}
