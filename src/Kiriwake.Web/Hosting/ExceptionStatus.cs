using Kiriwake.Web.Store;

namespace Kiriwake.Web.Hosting;

/// <summary>Status codes for exceptions that reach the exception handler.</summary>
internal static class ExceptionStatus
{
    public static int Select(Exception exception) => exception switch
    {
        BadHttpRequestException b => b.StatusCode,
        SessionConflictException => Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict,
        _ => Microsoft.AspNetCore.Http.StatusCodes.Status500InternalServerError,
    };
}
