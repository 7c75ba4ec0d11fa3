using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Microsoft.AspNetCore.Antiforgery;

namespace Kiriwake.Web.Pages;

/// <summary>Reading a posted form: the antiforgery token is checked first; an oversized body is refused.</summary>
public static class Forms
{
    /// <returns>The form, or null when the antiforgery token is missing or wrong.</returns>
    /// <exception cref="BadHttpRequestException">The body is too large (413) or not a form (400).</exception>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context, IAntiforgery antiforgery, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException(e.Message, StatusCodes.Status413PayloadTooLarge, e);
        }

        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    public static IResult Rejected(HttpContext context, Language language) =>
        ErrorPage.Show(context, 400, language == Language.Ja
            ? "フォームの有効期限が切れたか、別のページから送信されました。ページを読み込み直してからやり直してください。"
            : "The form expired or was sent from another page. Reload the page and try again.", language);
}
